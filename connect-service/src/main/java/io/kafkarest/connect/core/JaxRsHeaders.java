package io.kafkarest.connect.core;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request headers seen through JAX-RS's {@link HttpHeaders}, the type Connect's forwarding ({@code RestClient}) and
 * internal-request signature checks ({@code InternalRequestSignature}) read. Only header access is supported; the
 * negotiated-content views are not needed by Connect and answer empty.
 */
final class JaxRsHeaders implements HttpHeaders {
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    JaxRsHeaders(Map<String, List<String>> headers) {
        this.headers.putAll(headers);
    }

    @Override
    public List<String> getRequestHeader(String name) {
        return headers.get(name);
    }

    @Override
    public String getHeaderString(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public MultivaluedMap<String, String> getRequestHeaders() {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        headers.forEach(map::addAll);
        return map;
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return List.of();
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        return List.of();
    }

    @Override
    public MediaType getMediaType() {
        return null;
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return Map.of();
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public int getLength() {
        String length = getHeaderString(CONTENT_LENGTH);
        try {
            return length == null ? -1 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
