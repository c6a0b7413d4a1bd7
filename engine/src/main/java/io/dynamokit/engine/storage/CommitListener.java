package io.dynamokit.engine.storage;

import java.util.List;

/**
 * Called with the changes of each mutation, in commit order, under the storage write lock, BEFORE they are applied
 * to memory and before the answer is sent. Throwing fails the request (InternalServerError) and leaves memory
 * unchanged, so a journal that cannot write loses no acknowledged change.
 */
@FunctionalInterface
public interface CommitListener {
    void committing(List<Change> changes);
}
