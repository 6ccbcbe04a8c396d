package io.kafkarest.admin.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The cluster's ACLs (the broker needs an authorizer; without one Kafka refuses every call). */
public interface AclManager {
    CompletableFuture<List<AclRule>> searchAcls(AclFilter filter);

    /** Creates all rules; completes when Kafka has created every one. */
    CompletableFuture<Void> createAcls(List<AclRule> rules);

    /** Deletes what matches and answers the deleted rules. */
    CompletableFuture<List<AclRule>> deleteAcls(AclFilter filter);
}
