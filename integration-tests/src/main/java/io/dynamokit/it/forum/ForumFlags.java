package io.dynamokit.it.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.configstore.ConfigStoreName;

/**
 * The forum's feature flags, read from the {@code flags} store (a {@code periodic} one: served from memory, refreshed
 * in the background), and logged when another instance or an operator changes them.
 */
@ApplicationScoped
public class ForumFlags {

    private static final Logger LOG = Logger.getLogger(ForumFlags.class);

    /** The option holding the posting switches. */
    public static final String POSTING = "posting";

    @Inject
    @ConfigStoreName("flags")
    ConfigStore flags;

    /** Whether new threads may be posted: {@code posting.enabled}, true unless set to false. */
    public boolean postingEnabled() {
        if (!flags.contains(POSTING)) {
            return true;
        }
        return !Boolean.FALSE.equals(flags.get(POSTING, "enabled").orElse(Boolean.TRUE));
    }

    void changed(@Observes @ConfigStoreName("flags") ConfigStoreChange change) {
        LOG.infof("Forum flag %s %s: %s -> %s", change.option(), change.kind(), change.oldValues(), change.newValues());
    }
}
