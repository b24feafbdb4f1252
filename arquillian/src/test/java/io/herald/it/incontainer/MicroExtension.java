package io.herald.it.incontainer;

import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * An Arquillian extension of the test client (registered in
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}): sets up and tears down
 * {@link MicroResources} around each deployment to the managed Payara Micro container, and does
 * nothing for other containers.
 */
public class MicroExtension implements LoadableExtension {

    private static final String MICRO_CONTAINER = "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Lifecycle.class);
    }

    /** The observer; public for Arquillian's injection. */
    public static class Lifecycle {

        public void beforeDeploy(@Observes BeforeDeploy event) {
            if (MICRO_CONTAINER.equals(event.getDeployableContainer().getClass().getName())) {
                MicroResources.prepare();
            }
        }

        public void afterUndeploy(@Observes AfterUnDeploy event) throws Exception {
            if (MICRO_CONTAINER.equals(event.getDeployableContainer().getClass().getName())) {
                MicroResources.afterUndeploy();
            }
        }
    }
}
