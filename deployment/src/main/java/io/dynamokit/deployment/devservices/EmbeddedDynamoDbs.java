package io.dynamokit.deployment.devservices;

import org.jboss.logging.Logger;

/**
 * The one embedded DynamoDB of this JVM: started on first need, kept across live reloads and test classes, replaced
 * when its settings change, stopped when the JVM exits.
 * <p>
 * This is the extension's one piece of static mutable state, on purpose: a live reload or the next test class runs
 * every build step again, with new build items and new beans, so only static state outlives a restart. Keeping the
 * engine here is what lets dev mode keep its port and data across reloads, and a run's test classes share one
 * engine instead of starting one each.
 */
final class EmbeddedDynamoDbs {

    private static final Logger LOG = Logger.getLogger(EmbeddedDynamoDbs.class);

    record Started(String endpoint, boolean fresh) {
    }

    private static EmbeddedDynamoDb running;
    private static boolean shutdownHookAdded;

    private EmbeddedDynamoDbs() {
    }

    static synchronized Started ensureRunning(EmbeddedDynamoDb.Settings wanted) {
        if (running != null && running.startedWith(wanted)) {
            return new Started(running.endpoint(), false);
        }
        stop();
        running = EmbeddedDynamoDb.start(wanted);
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDynamoDbs::stop, "dynamokit-embedded-dynamodb-stop"));
            shutdownHookAdded = true;
        }
        return new Started(running.endpoint(), true);
    }

    static synchronized String runningEndpoint() {
        return running == null ? null : running.endpoint();
    }

    static synchronized void stop() {
        if (running != null) {
            EmbeddedDynamoDb stopping = running;
            running = null;
            try {
                stopping.close();
                LOG.debugf("Stopped the embedded DynamoDB at %s", stopping.endpoint());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not stop the embedded DynamoDB at %s", stopping.endpoint());
            }
        }
    }
}
