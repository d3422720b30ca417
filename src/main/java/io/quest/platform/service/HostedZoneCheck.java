package io.quest.platform.service;

import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate's names can be validated in a hosted zone: a check the configuration cannot make (only AWS
 * knows a zone's name), made when AWS answers {@code route53:GetHostedZone} for the configured zone, that is at
 * {@code pulumi preview} and {@code pulumi up}, before the renewal job's permissions are written. The offline plan's
 * mock cloud knows no zone names and answers none, so the check is skipped there.
 */
final class HostedZoneCheck {

    private HostedZoneCheck() {
    }

    /**
     * The zone's name, normalised (lowercase, no trailing dot), when every name (a wildcard by its bare name) is the
     * zone's apex or under it and the zone is public, since Let's Encrypt looks the challenge records up in public DNS
     * and certbot's Route 53 plugin skips private zones; empty when AWS gave no name.
     *
     * @throws IllegalArgumentException naming the configuration key, the value and what is expected
     */
    static String requireNamesIn(String zoneId, String zoneName, boolean privateZone, List<String> names) {
        String zone = zoneName == null ? "" : zoneName.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        if (zone.isEmpty()) {
            return "";
        }
        if (privateZone) {
            throw new IllegalArgumentException("quest-platform:tls.hostedZoneId: \"" + zoneId + "\" is the private hosted zone " + zone
                    + "; Let's Encrypt reads the _acme-challenge records from public DNS, so expected the ID of the public zone of " + zone);
        }
        for (String name : names) {
            String base = name.toLowerCase(Locale.ROOT).replaceFirst("^\\*\\.", "");
            if (!base.equals(zone) && !base.endsWith("." + zone)) {
                throw new IllegalArgumentException("quest-platform:tls: \"" + name + "\" is not in the hosted zone " + zoneId + " (" + zone
                        + "); expected names under " + zone + ", or the hostedZoneId of the zone that holds " + base);
            }
        }
        return zone;
    }
}
