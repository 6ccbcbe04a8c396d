package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;

import io.kafkarest.admin.core.AclFilter;
import io.kafkarest.admin.core.AclManager;
import io.kafkarest.admin.core.AclRule;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/** ACLs through the shared {@link Admin} client; the core enums carry Kafka's own names. */
@Singleton
public class KafkaAclManager implements AclManager {
    private static final Comparator<AclRule> ORDER = Comparator.comparing(AclRule::resourceType)
            .thenComparing(AclRule::resourceName).thenComparing(AclRule::patternType)
            .thenComparing(AclRule::principal).thenComparing(AclRule::host)
            .thenComparing(AclRule::operation).thenComparing(AclRule::permission);

    private final Admin admin;

    public KafkaAclManager(Admin admin) {
        this.admin = admin;
    }

    @Override
    public CompletableFuture<List<AclRule>> searchAcls(AclFilter filter) {
        return toCompletable(admin.describeAcls(toKafka(filter)).values()).thenApply(KafkaAclManager::toRules);
    }

    @Override
    public CompletableFuture<Void> createAcls(List<AclRule> rules) {
        return toCompletable(admin.createAcls(rules.stream().map(KafkaAclManager::toKafka).toList()).all());
    }

    @Override
    public CompletableFuture<List<AclRule>> deleteAcls(AclFilter filter) {
        return toCompletable(admin.deleteAcls(List.of(toKafka(filter))).all()).thenApply(KafkaAclManager::toRules);
    }

    private static List<AclRule> toRules(Collection<AclBinding> bindings) {
        return bindings.stream().map(KafkaAclManager::toRule).sorted(ORDER).toList();
    }

    private static AclBindingFilter toKafka(AclFilter f) {
        return new AclBindingFilter(
                new ResourcePatternFilter(ResourceType.valueOf(f.resourceType().name()), f.resourceName().orElse(null),
                        PatternType.valueOf(f.patternType().name())),
                new AccessControlEntryFilter(f.principal().orElse(null), f.host().orElse(null),
                        AclOperation.valueOf(f.operation().name()),
                        AclPermissionType.valueOf(f.permission().name())));
    }

    private static AclBinding toKafka(AclRule r) {
        return new AclBinding(
                new ResourcePattern(ResourceType.valueOf(r.resourceType().name()), r.resourceName(),
                        PatternType.valueOf(r.patternType().name())),
                new AccessControlEntry(r.principal(), r.host(), AclOperation.valueOf(r.operation().name()),
                        AclPermissionType.valueOf(r.permission().name())));
    }

    private static AclRule toRule(AclBinding b) {
        return new AclRule(
                AclRule.ResourceType.valueOf(b.pattern().resourceType().name()), b.pattern().name(),
                AclRule.PatternType.valueOf(b.pattern().patternType().name()),
                b.entry().principal(), b.entry().host(),
                AclRule.Operation.valueOf(b.entry().operation().name()),
                AclRule.Permission.valueOf(b.entry().permissionType().name()));
    }
}
