package org.recert.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The address an anonymous caller is counted by. Behind an ingress every request comes from the ingress, so the
 * caller's own address is read from {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For}, but only when the direct
 * peer is a trusted proxy: anyone else could write any address there. The address taken is the rightmost one that is
 * not itself a trusted proxy (the leftmost ones are whatever the caller claimed).
 */
public final class ClientAddress {

    private final List<Range> trustedProxies;

    /** {@code trustedProxies}: addresses ({@code 10.0.0.7}) or ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    /** The caller's address, given the direct peer's and the two forwarding headers (either may be null). */
    public String of(String peer, String forwarded, String xForwardedFor) {
        if (peer == null || !isTrusted(peer)) {
            return peer == null ? "unknown" : peer;
        }
        List<String> chain = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded) : split(xForwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    private boolean isTrusted(String address) {
        byte[] bytes = Range.literal(address);
        return bytes != null && trustedProxies.stream().anyMatch(range -> range.contains(bytes));
    }

    private static List<String> split(String header) {
        List<String> hops = new ArrayList<>();
        if (header != null) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /** The {@code for=} addresses of {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}. */
    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String[] nameValue = pair.split("=", 2);
                if (nameValue.length == 2 && nameValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                    hops.add(node(nameValue[1].strip()));
                }
            }
        }
        return hops;
    }

    /** {@code "[2001:db8::1]:4711"} is 2001:db8::1, {@code 192.0.2.60:80} is 192.0.2.60. */
    private static String node(String value) {
        String node = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1 ? value.substring(1, value.length() - 1) : value;
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    /** An address range in CIDR notation; a plain address is a range of one. */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IP address literal, null for anything else (never a name lookup). */
        static byte[] literal(String text) {
            String address = text.strip();
            boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
