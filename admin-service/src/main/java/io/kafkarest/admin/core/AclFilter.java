package io.kafkarest.admin.core;

import io.kafkarest.admin.core.AclRule.Operation;
import io.kafkarest.admin.core.AclRule.PatternType;
import io.kafkarest.admin.core.AclRule.Permission;
import io.kafkarest.admin.core.AclRule.ResourceType;
import java.util.Optional;

/** Which ACLs to find or delete; ANY and an empty name, principal or host match everything. */
public record AclFilter(ResourceType resourceType, Optional<String> resourceName, PatternType patternType,
                        Optional<String> principal, Optional<String> host, Operation operation,
                        Permission permission) {
}
