package io.herald.launcher.boot;

import io.herald.launcher.ConnectionCap;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/**
 * Puts a {@link ConnectionCap} in front of Payara Micro's HTTP listener: a Grizzly filter, right
 * after the transport filter, that closes a newly accepted connection when the cap is reached and
 * lets everything else through. Grizzly's classes live in Payara's runtime class loader, not in the
 * launcher's, so the filter is a dynamic proxy of Grizzly's {@code Filter} interface and the
 * listener is found through Payara's {@code GrizzlyService}. It must be installed after the
 * listener has started; it replaces the transport's filter chain with a copy that holds the same
 * filters plus this one, so connections already open keep working.
 */
final class GrizzlyConnectionCap implements InvocationHandler {

    private static final Logger LOG = Logger.getLogger(GrizzlyConnectionCap.class.getName());

    private final ConnectionCap cap;
    private final Method getInvokeAction;
    private final Method getStopAction;
    private final Method getConnection;
    private final Method closeSilently;
    private final Method addCloseListener;
    private final Class<?> closeListenerType;

    private GrizzlyConnectionCap(ConnectionCap cap, ClassLoader payara) throws ReflectiveOperationException {
        this.cap = cap;
        Class<?> context = payara.loadClass("org.glassfish.grizzly.filterchain.FilterChainContext");
        getInvokeAction = context.getMethod("getInvokeAction");
        getStopAction = context.getMethod("getStopAction");
        getConnection = context.getMethod("getConnection");
        Class<?> connection = payara.loadClass("org.glassfish.grizzly.Connection");
        closeSilently = connection.getMethod("closeSilently");
        closeListenerType = payara.loadClass("org.glassfish.grizzly.CloseListener");
        addCloseListener = connection.getMethod("addCloseListener", closeListenerType);
    }

    /**
     * Installs the cap on the listener named {@code listenerName}.
     * @param payaraRuntime Payara Micro's {@code PayaraMicroRuntimeImpl} (its class loader sees Grizzly)
     * @throws IllegalStateException when the listener or Grizzly's classes are not where expected
     */
    static void install(Object payaraRuntime, String listenerName, ConnectionCap cap) {
        ClassLoader payara = payaraRuntime.getClass().getClassLoader();
        try {
            // PayaraMicroRuntimeImpl keeps the embedded GlassFish, whose public API hands out its services
            Field runtimeField = payaraRuntime.getClass().getDeclaredField("runtime");
            runtimeField.setAccessible(true);
            Object glassFish = runtimeField.get(payaraRuntime);
            Class<?> serviceType = payara.loadClass("com.sun.enterprise.v3.services.impl.GrizzlyService");
            Object service = payara.loadClass("org.glassfish.embeddable.GlassFish").getMethod("getService", Class.class).invoke(glassFish, serviceType);
            Field proxiesField = serviceType.getDeclaredField("proxies");
            proxiesField.setAccessible(true);
            // the listener enabled a moment ago starts on Payara's configuration thread: wait for it
            Object transport = null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (transport == null && System.nanoTime() < deadline) {
                transport = transportOf(proxiesField.get(service), listenerName);
                if (transport == null) {
                    Thread.sleep(50);
                }
            }
            if (transport == null) {
                throw new IllegalStateException("the HTTP listener " + listenerName + " did not start (is its port in use?)");
            }
            Class<?> filterType = payara.loadClass("org.glassfish.grizzly.filterchain.Filter");
            Class<?> processorType = payara.loadClass("org.glassfish.grizzly.Processor");
            Object filter = Proxy.newProxyInstance(payara, new Class<?>[] {filterType}, new GrizzlyConnectionCap(cap, payara));
            List<?> chain = (List<?>) transport.getClass().getMethod("getProcessor").invoke(transport);
            Class<?> builderType = payara.loadClass("org.glassfish.grizzly.filterchain.FilterChainBuilder");
            Object builder = builderType.getMethod("stateless").invoke(null);
            builderType.getMethod("addAll", List.class).invoke(builder, chain);
            // after the TransportFilter, before the idle timeout and HTTP filters
            builderType.getMethod("add", int.class, filterType).invoke(builder, 1, filter);
            Object newChain = builderType.getMethod("build").invoke(builder);
            transport.getClass().getMethod("setProcessor", processorType).invoke(transport, newChain);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("could not install the HTTP connection cap: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the HTTP listener", e);
        }
    }

    /** The started transport of the listener {@code name} among GrizzlyService's network proxies, or null. */
    private static Object transportOf(Object proxies, String name) throws ReflectiveOperationException {
        for (Object proxy : List.copyOf((Collection<?>) proxies)) {
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            if (listener != null && name.equals(listener.getClass().getMethod("getName").invoke(listener))) {
                Object transport = listener.getClass().getMethod("getTransport").invoke(listener);
                if (transport != null && transport.getClass().getMethod("getProcessor").invoke(transport) != null) {
                    return transport;
                }
            }
        }
        return null;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "HeraldConnectionCap[" + cap.open() + "/" + cap.limit() + "]";
            };
        }
        if (name.equals("handleAccept")) {
            return accept(args[0]);
        }
        if (name.startsWith("handle")) {
            return getInvokeAction.invoke(args[0]);
        }
        // onAdded, onRemoved, onFilterChainChanged, exceptionOccurred
        return null;
    }

    private Object accept(Object context) throws ReflectiveOperationException {
        Object connection = getConnection.invoke(context);
        if (!cap.admit(connection)) {
            closeSilently.invoke(connection);
            long refused = cap.refusedToReport();
            if (refused > 0) {
                LOG.warning(() -> "HTTP connection cap reached (" + cap.limit() + " open, herald.http.max-connections): refused "
                        + refused + " new connection(s) in the last minute");
            }
            return getStopAction.invoke(context);
        }
        Object onClose = Proxy.newProxyInstance(closeListenerType.getClassLoader(), new Class<?>[] {closeListenerType},
                (p, m, a) -> {
                    if (m.getName().equals("onClosed")) {
                        cap.closed(connection);
                    } else if (m.getDeclaringClass() == Object.class) {
                        return m.getName().equals("equals") ? p == a[0] : m.getName().equals("hashCode") ? System.identityHashCode(p) : "close listener";
                    }
                    return null;
                });
        addCloseListener.invoke(connection, onClose);
        return getInvokeAction.invoke(context);
    }
}
