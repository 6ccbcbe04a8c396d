package io.kafkarest.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The few parts of HTTP/1.1 the bench's socket clients read themselves (the JDK's client costs too much CPU on a
 * machine the service shares, and does not read an answer while it still sends a streamed body): the answer's head,
 * and its body as a stream, chunked, with a Content-Length, or up to the connection's end.
 */
public final class HttpWire {
    private HttpWire() {
    }

    /**
     * The {@code Authorization} value for a URL with credentials ({@code http://user:password@host:port}, a gateway
     * with Basic authentication), or null for one without.
     */
    public static String authorization(URI url) {
        String userInfo = url.getUserInfo(); // decoded
        return userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} header line of a request to {@code url} ({@link #authorization}), or "". */
    public static String authorizationLine(URI url) {
        String authorization = authorization(url);
        return authorization == null ? "" : "Authorization: " + authorization + "\r\n";
    }

    /** The URL without its credentials: for clients that do not take them there, and for printing. */
    public static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        return URI.create(url.toString().replace(url.getRawUserInfo() + "@", ""));
    }

    /** {@code uri} with the credentials of {@code from}, if it has any (a {@code base_uri} the gateway answered). */
    public static URI withUserInfoOf(URI from, URI uri) {
        if (from.getRawUserInfo() == null || uri.getRawUserInfo() != null) {
            return uri;
        }
        return URI.create(uri.getScheme() + "://" + from.getRawUserInfo() + "@" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** The status line and the headers that matter. */
    public static final class Head {
        public int status;
        public long length = -1;
        public boolean chunked;
        /** The connection ends after this answer. */
        public boolean close;
    }

    /** Reads the head of the next final answer (skipping 1xx answers). */
    public static Head readHead(InputStream in) throws IOException {
        Head head = new Head();
        do {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            head.status = Integer.parseInt(parts[1]);
            head.close = parts[0].equals("HTTP/1.0");
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    head.chunked = true;
                } else if (lower.startsWith("content-length:")) {
                    head.length = Long.parseLong(h.substring(h.indexOf(':') + 1).trim());
                } else if (lower.startsWith("connection:")) {
                    head.close = lower.contains("close");
                }
            }
        } while (head.status >= 100 && head.status < 200);
        return head;
    }

    /**
     * The answer's body: ends where the answer ends, so the connection can carry the next one. A body with neither
     * chunks nor a length ends with the connection ({@code head.close} is then set).
     */
    public static InputStream body(InputStream in, Head head) {
        if (head.chunked) {
            return new ChunkedInputStream(in);
        }
        if (head.length >= 0) {
            return new BoundedInputStream(in, head.length);
        }
        head.close = true;
        return in;
    }

    /** One CRLF-terminated line, without the line end. */
    public static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in the answer's head");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Decodes a chunked body: ends at the last (empty) chunk. */
    public static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;
        private boolean first = true;
        private boolean eof;

        public ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (eof) {
                return -1;
            }
            if (remaining == 0) {
                if (!first) {
                    line(in); // the CRLF after the previous chunk's data
                }
                first = false;
                String size = line(in);
                int semicolon = size.indexOf(';');
                remaining = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                if (remaining == 0) {
                    for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are ignored
                    }
                    eof = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside a chunk");
            }
            remaining -= n;
            return n;
        }
    }

    /** A body with a Content-Length. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside the answer");
            }
            remaining -= n;
            return n;
        }
    }
}
