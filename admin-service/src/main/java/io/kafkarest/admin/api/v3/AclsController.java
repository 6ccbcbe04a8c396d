package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.AclWire.Acl;
import io.kafkarest.admin.api.v3.AclWire.BatchCreateAclRequest;
import io.kafkarest.admin.api.v3.AclWire.CreateAclRequest;
import io.kafkarest.admin.api.v3.AclWire.DeletedAcls;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.AclFilter;
import io.kafkarest.admin.core.AclManager;
import io.kafkarest.admin.core.AclRule;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * v3 ACLs: search by filter, create one, create many, delete by filter (answers the deleted ACLs). A delete must name
 * resource_type, pattern_type, operation and permission (ANY is allowed), so that no request deletes every ACL by
 * accident.
 */
@Controller("/v3/clusters/{clusterId}")
@Produces(MediaType.APPLICATION_JSON)
public class AclsController {
    private final AclManager acls;

    public AclsController(AclManager acls) {
        this.acls = acls;
    }

    @Get("/acls")
    public CompletableFuture<ResourceList<Acl>> search(String clusterId, HttpRequest<?> request,
            @Nullable @QueryValue("resource_type") String resourceType,
            @Nullable @QueryValue("resource_name") String resourceName,
            @Nullable @QueryValue("pattern_type") String patternType, @Nullable @QueryValue String principal,
            @Nullable @QueryValue String host, @Nullable @QueryValue String operation,
            @Nullable @QueryValue String permission) {
        AclFilter filter = AclWire.toFilter(resourceType, resourceName, patternType, principal, host, operation,
                permission);
        V3Links links = V3Links.of(request, clusterId);
        String self = AclWire.selfUrl(links, filter.resourceType().name(), resourceName, filter.patternType().name(),
                principal, host, filter.operation().name(), filter.permission().name());
        return acls.searchAcls(filter).thenApply(found -> ResourceList.of("KafkaAclList", self,
                found.stream().map(r -> Acl.of(links, clusterId, r)).toList()));
    }

    /** 201 with the new ACL's search URL as Location. */
    @Post("/acls")
    public CompletableFuture<HttpResponse<Void>> create(String clusterId, @Body CreateAclRequest body,
                                                        HttpRequest<?> request) {
        AclRule rule = AclWire.toRule(body, "");
        URI location = URI.create(Acl.of(V3Links.of(request, clusterId), clusterId, rule).metadata().self());
        return acls.createAcls(List.of(rule)).thenApply(done -> HttpResponse.<Void>created(location));
    }

    @Post("/acls:batch")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> createBatch(@Body BatchCreateAclRequest body) {
        if (body == null || body.data() == null || body.data().isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception("data must list at least one ACL.");
        }
        List<AclRule> rules = new ArrayList<>();
        for (int i = 0; i < body.data().size(); i++) {
            rules.add(AclWire.toRule(body.data().get(i), "data[" + i + "]."));
        }
        return acls.createAcls(rules);
    }

    @Delete("/acls")
    public CompletableFuture<DeletedAcls> delete(String clusterId, HttpRequest<?> request,
            @Nullable @QueryValue("resource_type") String resourceType,
            @Nullable @QueryValue("resource_name") String resourceName,
            @Nullable @QueryValue("pattern_type") String patternType, @Nullable @QueryValue String principal,
            @Nullable @QueryValue String host, @Nullable @QueryValue String operation,
            @Nullable @QueryValue String permission) {
        AclWire.requireDeleteFilter(resourceType, patternType, operation, permission);
        AclFilter filter = AclWire.toFilter(resourceType, resourceName, patternType, principal, host, operation,
                permission);
        V3Links links = V3Links.of(request, clusterId);
        return acls.deleteAcls(filter).thenApply(deleted ->
                new DeletedAcls(deleted.stream().map(r -> Acl.of(links, clusterId, r)).toList()));
    }
}
