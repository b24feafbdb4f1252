package io.herald.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The markets of this deployment ({@code herald.trading.symbols}): clients subscribe to them, the feed posts ticks for them. */
@ApplicationScoped
public class TradingMarkets {

    @Inject
    @ConfigProperty(name = "herald.trading.symbols", defaultValue = "BTC_USD,ETH_USD,SOL_USD,XRP_USD,ADA_USD")
    String configured;

    private Set<String> symbols;

    @PostConstruct
    void init() {
        Set<String> list = new LinkedHashSet<>();
        for (String s : Arrays.stream(configured.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList()) {
            if (!TradingRooms.isSymbol(s)) {
                throw new IllegalStateException("herald.trading.symbols: '" + s + "' is not a symbol like BTC_USD");
            }
            list.add(s);
        }
        symbols = Set.copyOf(list);
    }

    public Set<String> symbols() {
        return symbols;
    }

    public boolean contains(String symbol) {
        return symbols.contains(symbol);
    }
}
