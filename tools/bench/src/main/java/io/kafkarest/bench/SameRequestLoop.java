package io.kafkarest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link RequestLoop} that sends one fixed request again and again (a v2 produce POST with its body, a GET), as
 * {@code wrk} with {@code wrk/post.lua} does: a request failed when its status is not 2xx or its answer has a numeric
 * {@code "error_code"} (v2 produce answers 200 with {@code "error_code":null} per record on success).
 */
public final class SameRequestLoop extends RequestLoop {
    private static final Pattern ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*\\d");

    private final byte[] request;
    private final int recordsPerAnswer;
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream(16 * 1024);

    /**
     * @param body             the request's body, or null for none (then no Content-Type either)
     * @param recordsPerAnswer the records a successful answer stands for (the batch of a produce request; 1 for a GET)
     */
    public SameRequestLoop(URI url, String method, byte[] body, String contentType, String accept,
                           int recordsPerAnswer) {
        super(url, method.toLowerCase(java.util.Locale.ROOT) + "-" + url.getPath());
        this.recordsPerAnswer = recordsPerAnswer;
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                .append(url.getHost()).append(':').append(port()).append("\r\nAccept: ").append(accept).append("\r\n")
                .append(HttpWire.authorizationLine(url));
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] b = body == null ? new byte[0] : body;
        this.request = new byte[h.length + b.length];
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(b, 0, request, h.length, b.length);
    }

    /** {@code n} loops of the same request. */
    public static List<SameRequestLoop> of(int n, URI url, String method, byte[] body, String contentType,
                                           String accept, int recordsPerAnswer) {
        List<SameRequestLoop> loops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            loops.add(new SameRequestLoop(url, method, body, contentType, accept, recordsPerAnswer));
        }
        return loops;
    }

    @Override
    protected long exchange(InputStream in, OutputStream out) throws IOException {
        answer.reset();
        send(request, in, out, answer::write);
        String text = answer.toString(StandardCharsets.UTF_8);
        if (ERROR_CODE.matcher(text).find()) {
            throw new HttpError("HTTP 2xx with an error: " + text.substring(0, Math.min(text.length(), 400)));
        }
        return recordsPerAnswer;
    }
}
