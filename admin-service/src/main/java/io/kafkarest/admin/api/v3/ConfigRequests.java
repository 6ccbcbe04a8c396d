package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.ConfigWire.AlterEntry;
import io.kafkarest.admin.api.v3.ConfigWire.NameValue;
import io.kafkarest.admin.core.ConfigChange;
import io.kafkarest.rest.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns config request bodies into config changes; a bad entry is a 400 that names the field. */
final class ConfigRequests {
    private ConfigRequests() {
    }

    static ConfigChange update(String name, ConfigWire.UpdateConfigRequest body) {
        if (body == null || body.value() == null) {
            throw ErrorCode.BAD_REQUEST.exception("value is required (to reset config '" + name + "', use DELETE).");
        }
        return ConfigChange.set(name, body.value());
    }

    /** {@code field} names the list in messages, e.g. "data" or "data[2].configs". */
    static List<ConfigChange> toChanges(List<AlterEntry> entries, String field) {
        if (entries == null || entries.isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception(field + " must list at least one config.");
        }
        List<ConfigChange> changes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AlterEntry e = entries.get(i);
            String at = field + "[" + i + "]";
            if (e == null || e.name() == null || e.name().isBlank()) {
                throw ErrorCode.BAD_REQUEST.exception(at + ".name is required.");
            }
            String operation = e.operation() == null ? "SET" : e.operation().toUpperCase(Locale.ROOT);
            switch (operation) {
                case "SET" -> {
                    if (e.value() == null) {
                        throw ErrorCode.BAD_REQUEST.exception(at + ".value is required to SET '" + e.name() + "'.");
                    }
                    changes.add(ConfigChange.set(e.name(), e.value()));
                }
                case "DELETE" -> changes.add(ConfigChange.delete(e.name()));
                default -> throw ErrorCode.BAD_REQUEST.exception(
                        at + ".operation must be SET or DELETE, was '" + e.operation() + "'.");
            }
        }
        return changes;
    }

    static Map<String, String> toConfigMap(List<NameValue> entries, String field) {
        Map<String, String> configs = new LinkedHashMap<>();
        List<NameValue> list = entries == null ? List.of() : entries;
        for (int i = 0; i < list.size(); i++) {
            NameValue entry = list.get(i);
            if (entry == null || entry.name() == null || entry.name().isBlank()) {
                throw ErrorCode.BAD_REQUEST.exception(field + "[" + i + "].name is required.");
            }
            configs.put(entry.name(), entry.value());
        }
        return configs;
    }
}
