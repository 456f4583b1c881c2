package org.citylinks.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Keeps webhook deliveries off internal networks (no server-side request forgery): a URL must be
 * https, name no user, and its host must be, and resolve only to, public addresses, unless the
 * operator allows the network it is in ({@code citylinks.webhooks.allowed-networks}), where plain
 * http is accepted too. A name is checked when the subscription is written and again before every
 * delivery, since what it resolves to may change; one that does not resolve yet is accepted, and
 * its deliveries fail until it resolves to a public address.
 */
@Singleton
public class WebhookUrls {

    /** The special-purpose ranges of the IANA registries that are not the public internet. */
    private static final List<IPAddress> INTERNAL = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(WebhookUrls::network).toList();

    private final List<IPAddress> allowed;

    @Inject
    public WebhookUrls(WebhookSettings settings) {
        allowed = settings.allowedNetworks().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(WebhookUrls::network).toList();
    }

    /** Why the URL may not be subscribed, in words for the {@code /url} error, or empty when it may. */
    public Optional<String> refusal(String url) {
        return check(url, false);
    }

    /** Why a delivery may not be sent there now, or empty when it may. */
    Optional<String> refusalToSend(String url) {
        return check(url, true);
    }

    private Optional<String> check(String url, boolean mustResolve) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("must be an https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return mustResolve ? Optional.of("its host " + host + " does not resolve")
                    : scheme.equals("https") ? Optional.empty() : Optional.of("must be an https URL");
        }
        boolean allInAllowedNetworks = true;
        for (InetAddress address : addresses) {
            IPAddress ip = new IPAddressString(address.getHostAddress()).getAddress();
            if (ip == null) {
                return Optional.of("has a host whose address cannot be read");
            }
            IPAddress checked = ip.isIPv6() && ip.isIPv4Convertible() ? ip.toIPv4() : ip; // ::ffff:10.0.0.1 is 10.0.0.1
            boolean inAllowed = allowed.stream().anyMatch(network -> network.contains(checked) || network.contains(ip));
            allInAllowedNetworks &= inAllowed;
            if (!inAllowed && INTERNAL.stream().anyMatch(network -> network.contains(checked))) {
                return Optional.of("must not lead to a private, loopback, link-local or other internal address ("
                        + host + " is " + address.getHostAddress() + ")");
            }
        }
        if (scheme.equals("http") && !allInAllowedNetworks) {
            return Optional.of("must be an https URL");
        }
        return Optional.empty();
    }

    private static IPAddress network(String cidr) {
        IPAddress network = new IPAddressString(cidr).getAddress();
        if (network == null) {
            throw new IllegalArgumentException("citylinks.webhooks.allowed-networks: " + cidr + " is not a network (CIDR)");
        }
        return network.toPrefixBlock();
    }
}
