// Document 004's "Usage Examples" (market data streaming and margin guard monitoring) with the
// document's client, against Herald: node --experimental-websocket axisor-usage.js <ws url> <jwt>.
// Prints every message the handlers receive as one JSON line on stdout, and "subscribed" once the
// server confirmed the three subscriptions, so that AxisorClientIT can post ticks and positions.
'use strict';
const { AxisorWebSocketClient } = require('./AxisorWebSocketClient.js');

const [url, jwtToken] = process.argv.slice(2);
const print = (data) => console.log(JSON.stringify(data));

(async () => {
  const wsClient = new AxisorWebSocketClient(url, jwtToken);
  const confirmed = new Set();
  wsClient.on('room_subscription', (data) => {
    print(data);
    confirmed.add(data.channel);
    if (confirmed.size === 3) {
      print({ type: 'subscribed', state: wsClient.getConnectionState() });
    }
  });
  wsClient.on('error', print);

  await wsClient.connect();

  // Subscribe to BTC market data
  wsClient.subscribe('market:BTC_USD');

  // Handle market data updates
  wsClient.on('market_data_update', (data) => {
    console.error('Price update:', data.data.price);
    print(data);
  });

  wsClient.on('historical_data_update', (data) => {
    console.error('Historical data:', data.data.candles);
    print(data);
  });

  // Subscribe to margin guard events
  wsClient.subscribe('margin_guard');
  wsClient.subscribe('positions');

  // Handle margin guard executions
  wsClient.on('margin_guard_execution', (data) => {
    console.error('Margin Guard executed:', data.data.action);
    print(data);
  });

  // Handle position updates
  wsClient.on('position_status_update', (data) => {
    console.error('Position updated:', data.data.position);
    print(data);
  });

  // Handle auto-close executions
  wsClient.on('auto_close_execution', (data) => {
    console.error('Position auto-closed:', data.data.position);
    print(data);
  });
})().catch((error) => {
  console.error('failed:', error && error.message ? error.message : error);
  process.exit(2);
});
