// The AxisorWebSocketClient class of document 004 ("Client Implementation"), in JavaScript: the
// document's TypeScript line for line with the type annotations removed (TypeScript's parameter
// properties written as assignments). Run by AxisorClientIT with Node's browser-compatible
// WebSocket (node --experimental-websocket on Node 20, built in from Node 22). Do not "fix" it:
// the point is that the document's own client works against Herald unchanged.
'use strict';

const ConnectionState = {
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
  AUTHENTICATED: 'authenticated',
  DISCONNECTED: 'disconnected',
  ERROR: 'error'
};

class AxisorWebSocketClient {
  ws = null;
  reconnectAttempts = 0;
  maxReconnectAttempts = 5;
  reconnectDelay = 1000;
  eventHandlers = new Map();
  subscribedRooms = new Set();
  connectionState = ConnectionState.DISCONNECTED;

  constructor(
    url,
    token,
    options = {}
  ) {
    this.url = url; this.token = token; this.options = options;
    this.maxReconnectAttempts = options.maxReconnectAttempts || 5;
    this.reconnectDelay = options.reconnectDelay || 1000;
  }

  connect() {
    return new Promise((resolve, reject) => {
      try {
        this.ws = new WebSocket(this.url);
        this.connectionState = ConnectionState.CONNECTING;

        this.ws.onopen = () => {
          this.connectionState = ConnectionState.CONNECTED;
          this.reconnectAttempts = 0;
          
          // Authenticate
          this.ws.send(JSON.stringify({
            type: 'auth',
            token: this.token
          }));
        };

        this.ws.onmessage = (event) => {
          this.handleMessage(event);
        };

        this.ws.onclose = (event) => {
          this.connectionState = ConnectionState.DISCONNECTED;
          this.handleReconnect();
        };

        this.ws.onerror = (error) => {
          this.connectionState = ConnectionState.ERROR;
          reject(error);
        };

        // Handle authentication response
        this.on('connection', (data) => {
          if (data.status === 'connected') {
            this.connectionState = ConnectionState.AUTHENTICATED;
            this.resubscribeToRooms();
            resolve();
          } else {
            reject(new Error('Authentication failed'));
          }
        });

      } catch (error) {
        reject(error);
      }
    });
  }

  handleMessage(event) {
    try {
      const message = JSON.parse(event.data);
      this.emit(message.type, message);
    } catch (error) {
      console.error('Failed to parse WebSocket message:', error);
    }
  }

  handleReconnect() {
    if (this.reconnectAttempts >= this.maxReconnectAttempts) {
      console.error('Max reconnection attempts reached');
      return;
    }

    this.reconnectAttempts++;
    const delay = this.reconnectDelay * Math.pow(2, this.reconnectAttempts - 1);

    setTimeout(() => {
      console.log(`Reconnecting... (attempt ${this.reconnectAttempts})`);
      this.connect();
    }, delay);
  }

  resubscribeToRooms() {
    this.subscribedRooms.forEach(room => {
      this.subscribe(room);
    });
  }

  // Event handling
  on(event, handler) {
    if (!this.eventHandlers.has(event)) {
      this.eventHandlers.set(event, new Set());
    }
    this.eventHandlers.get(event).add(handler);
  }

  off(event, handler) {
    const handlers = this.eventHandlers.get(event);
    if (handlers) {
      handlers.delete(handler);
    }
  }

  emit(event, data) {
    const handlers = this.eventHandlers.get(event);
    if (handlers) {
      handlers.forEach(handler => {
        try {
          handler(data);
        } catch (error) {
          console.error('Event handler error:', error);
        }
      });
    }
  }

  // Room management
  subscribe(channel) {
    if (this.ws && this.connectionState === ConnectionState.AUTHENTICATED) {
      this.ws.send(JSON.stringify({
        type: 'subscribe',
        channel
      }));
      this.subscribedRooms.add(channel);
    }
  }

  unsubscribe(channel) {
    if (this.ws && this.connectionState === ConnectionState.AUTHENTICATED) {
      this.ws.send(JSON.stringify({
        type: 'unsubscribe',
        channel
      }));
      this.subscribedRooms.delete(channel);
    }
  }

  // Utility methods
  send(data) {
    if (this.ws && this.connectionState === ConnectionState.AUTHENTICATED) {
      this.ws.send(JSON.stringify(data));
    }
  }

  disconnect() {
    if (this.ws) {
      this.ws.close();
      this.ws = null;
      this.connectionState = ConnectionState.DISCONNECTED;
    }
  }

  getConnectionState() {
    return this.connectionState;
  }
}

module.exports = { AxisorWebSocketClient, ConnectionState };
