package io.cardflow.webhooks;

import io.cardflow.common.ApiException;
import io.cardflow.config.CardflowProperties;
import io.cardflow.config.DatabaseKind;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook requests away from the server's own network (SSRF): a URL whose host is, or resolves to, a loopback,
 * private, link-local, carrier-grade NAT, multicast or otherwise reserved address is refused when it is registered,
 * and again when each request connects ({@link #resolver()}), since a name can resolve elsewhere later (DNS
 * rebinding). {@code cardflow.webhooks.allow-private-targets} lifts both; unset, it is on for the embedded database
 * (a developer's machine, whose receiver is on localhost) and off on PostgreSQL.
 */
@Component
public class TargetGuard {

    static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivate;
    private final DnsResolver resolver;

    TargetGuard(CardflowProperties properties, JdbcConnectionDetails database) {
        Boolean setting = properties.webhooks().allowPrivateTargets();
        this.allowPrivate = setting != null ? setting : DatabaseKind.of(database.getJdbcUrl()) == DatabaseKind.H2;
        this.resolver = allowPrivate ? SystemDefaultDnsResolver.INSTANCE : new PublicOnlyResolver();
    }

    /** Refuses, as a 422 on {@code url}, what no delivery could ever be sent to. */
    public URI checkUrl(String url) {
        URI uri = parse(url);
        if (!allowPrivate) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                // Not resolvable yet (a name about to be set up): each delivery resolves it again and is refused then.
                return uri;
            }
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw ApiException.invalid("url", "'" + uri.getHost() + "' is " + address.getHostAddress() + ", a private, "
                            + "loopback or reserved address: webhooks are sent only to public addresses (the server's setting "
                            + "cardflow.webhooks.allow-private-targets)");
                }
            }
        }
        return uri;
    }

    /** Resolves host names for webhook requests, refusing (as a {@link RefusedTarget}) any that lead to a non-public address. */
    public DnsResolver resolver() {
        return resolver;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("url", "is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw ApiException.invalid("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ApiException.invalid("url", "must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.invalid("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.invalid("url", "must not carry a user name or password: the signature authenticates us");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.invalid("url", "must not have a fragment (#…): it is never sent");
        }
        return uri;
    }

    /** Whether a request may go to this address when private targets are refused. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7, unique local
            }
            if (isPrefix(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})
                    || isPrefix(bytes, new byte[12])) {
                return isPublicV4(Arrays.copyOfRange(bytes, 12, 16)); // NAT64 64:ff9b::/96 and IPv4-compatible ::a.b.c.d
            }
            return first != 0x20 || (bytes[1] & 0xff) != 0x01 || (bytes[2] & 0xff) != 0x0d || (bytes[3] & 0xff) != 0xb8; // 2001:db8::/32
        }
        return false;
    }

    private static boolean isPublicV4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        int c = bytes[2] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b <= 127) // carrier-grade NAT
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113));
    }

    private static boolean isPrefix(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A webhook target that resolved to an address we do not send to. */
    public static final class RefusedTarget extends UnknownHostException {

        RefusedTarget(String host, InetAddress address) {
            super("'" + host + "' resolves to " + address.getHostAddress() + ", a private, loopback or reserved address");
        }
    }

    private static final class PublicOnlyResolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedTarget(host, address);
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
