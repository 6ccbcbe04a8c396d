package io.kafkarest.admin.api.v3;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What every v3 resource and list carries: {@code kind}, {@code metadata} and links to related resources. */
final class V3Wire {
    private V3Wire() {
    }

    /** {@code resource_name} is left out where a resource has none (ACLs). */
    @Serdeable
    record ResourceMetadata(String self,
                            @JsonProperty("resource_name") @JsonInclude(JsonInclude.Include.NON_NULL) String resourceName) {
        static ResourceMetadata of(V3Links.Link link) {
            return new ResourceMetadata(link.url(), link.crn());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CollectionMetadata(String self, String next) {
    }

    @Serdeable
    record Related(String related) {
        static Related to(String url) {
            return new Related(url);
        }

        static Related to(V3Links.Link link) {
            return new Related(link.url());
        }
    }

    /** A v3 list: {@code {"kind": "Kafka...List", "metadata": {"self", "next": null}, "data": [...]}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResourceList<T>(String kind, CollectionMetadata metadata, List<T> data) {
        static <T> ResourceList<T> of(String kind, String self, List<T> data) {
            return new ResourceList<>(kind, new CollectionMetadata(self, null), data);
        }
    }
}
