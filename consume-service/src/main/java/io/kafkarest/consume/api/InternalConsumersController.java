package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.consume.core.ConsumerInstanceId;
import io.kafkarest.consume.core.ConsumerManager;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * For the gateway: does this node own the instance? 200 {@code {"instance_id", "base_uri"}} if so, else 404
 * 40403. Does not count as a use of the instance (does not postpone its expiry). Not part of the API description.
 */
@Hidden
@Controller("/internal/consumers")
@Produces(MediaType.APPLICATION_JSON)
public class InternalConsumersController {
    private final ConsumerManager manager;
    private final NodeUrl nodeUrl;

    InternalConsumersController(ConsumerManager manager, NodeUrl nodeUrl) {
        this.manager = manager;
        this.nodeUrl = nodeUrl;
    }

    @Get("/{group}/instances/{instance}")
    CreateConsumerResponse lookup(String group, String instance) {
        ConsumerInstanceId id = manager.find(group, instance)
                .orElseThrow(() -> ConsumerException.notFound(new ConsumerInstanceId(group, instance)))
                .id();
        return new CreateConsumerResponse(id.instance(), nodeUrl.instanceUri(id));
    }
}
