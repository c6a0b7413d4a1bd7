package io.dynamokit.deployment.configstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dynamokit.configstore.ConfigStoreChange;
import io.dynamokit.configstore.ConfigStoreName;

/** The change events observed: all of them, and those of the store "slow" through its qualifier. */
@ApplicationScoped
public class ObservedChanges {

    final List<ConfigStoreChange> all = new CopyOnWriteArrayList<>();
    final List<ConfigStoreChange> slow = new CopyOnWriteArrayList<>();

    void onAny(@Observes ConfigStoreChange change) {
        all.add(change);
    }

    void onSlow(@Observes @ConfigStoreName("slow") ConfigStoreChange change) {
        slow.add(change);
    }

    public List<ConfigStoreChange> all() {
        return List.copyOf(all);
    }

    public List<ConfigStoreChange> slow() {
        return List.copyOf(slow);
    }
}
