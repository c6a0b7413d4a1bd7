package io.dynamokit.runtime.configstore;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.dynamokit.configstore.ConfigOption;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.document.DocumentClient;

/**
 * Mode {@code periodic}: a {@code cached} store that the {@link PeriodicRefresher} reloads every
 * {@code refresh-interval}. A refresh that fails keeps the last values: one warning for the whole outage, one message
 * when it is over.
 */
public final class PeriodicConfigStore extends CachedConfigStore {

    private static final Logger LOG = Logger.getLogger(PeriodicConfigStore.class);

    private volatile boolean outage;

    public PeriodicConfigStore(StoreSettings settings, DocumentClient documents, Consumer<ConfigStoreChange> changes,
            Consumer<Map<String, ConfigOption>> source) {
        super(settings, documents, changes, source);
    }

    /**
     * A reload that keeps serving the last values when DynamoDB fails; an observer that fails is logged.
     *
     * @return whether the refresh succeeded
     */
    boolean refresh() {
        List<ConfigStoreChange> found;
        try {
            // the end of an outage is logged before the values are served, so that it is in the log by the time the
            // values can be seen
            found = load(this::outageOver);
        } catch (RuntimeException e) {
            if (!outage) {
                outage = true;
                LOG.warnf("Config store '%s' could not be refreshed from table '%s' (%s); it keeps serving its last"
                        + " values and retries every %s", settings.name(), settings.tableName(), e.toString(),
                        settings.refreshInterval());
            } else {
                LOG.debugf(e, "Config store '%s' still cannot be refreshed", settings.name());
            }
            return false;
        }
        for (ConfigStoreChange change : found) {
            try {
                changes.accept(change);
            } catch (RuntimeException e) {
                LOG.errorf(e, "An observer of %s failed", change);
            }
        }
        return true;
    }

    /** Whether the last refresh failed. */
    public boolean inOutage() {
        return outage;
    }

    private void outageOver() {
        if (outage) {
            outage = false;
            LOG.infof("Config store '%s' is refreshed from table '%s' again", settings.name(), settings.tableName());
        }
    }
}
