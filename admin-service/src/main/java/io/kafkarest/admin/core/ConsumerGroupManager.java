package io.kafkarest.admin.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Consumer groups, their members and assignments. */
public interface ConsumerGroupManager {
    /** Every consumer group of the cluster, described, by group id. */
    CompletableFuture<List<ConsumerGroupInfo>> listGroups();

    /** The group, or a not-found {@link AdminException} (also for a group that is gone: state DEAD). */
    CompletableFuture<ConsumerGroupInfo> getGroup(String groupId);
}
