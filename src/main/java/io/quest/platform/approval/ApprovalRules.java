package io.quest.platform.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that decide one resource's change. A change with no reason applies without approval.
 * <ul>
 *   <li>Blocked: a protected resource would be deleted or replaced; ingress from the internet is opened to anything
 *       but the load balancer's TCP 80/443 ({@link InternetIngress}); anyone is let at data or code without a
 *       condition ({@link PublicAccess}).</li>
 *   <li>Needs approval: any delete or replace (worded as data loss for stateful types); a database moved to another engine major version ({@link DatabaseUpgrades}); any change to IAM, security
 *       groups, network ACLs, resource policies, KMS key policies, CloudTrail or AWS Config; a safeguard against data
 *       loss switched off ({@link Safeguards}); {@code protect} removed; a step op this gate does not know; in a
 *       production stack, every change except tags.</li>
 * </ul>
 * Tag-only updates never need approval.
 */
public final class ApprovalRules {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private ApprovalRules() {
    }

    /** Every reason the change needs approval or is blocked; empty when it may simply be applied. */
    public static List<Reason> reasons(ResourceChange change, boolean production) {
        List<Reason> reasons = new ArrayList<>();
        Operation op = change.operation();
        if (!change.isChange() || change.type().equals(STACK_TYPE)) {
            return reasons;
        }
        String name = "`" + change.name() + "`";
        Optional<String> stateful = StatefulTypes.noun(change.type());
        for (String unknown : change.unknownOps()) {
            reasons.add(Reason.needsApproval("the engine step `" + unknown + "` on " + name + " is one this gate does not"
                    + " know (from a newer Pulumi CLI): what it does is not checked; review it"));
        }
        if (change.removesProtect()) {
            reasons.add(Reason.needsApproval("removes `protect` from " + name
                    + (production ? " in a production stack" : "") + ": the engine will no longer refuse to delete it"));
        }
        if (!op.changesCloud()) {
            return reasons;
        }

        if (op.destroys() && change.protect()) {
            reasons.add(Reason.blocked("protected resource " + name + " would be "
                    + (op == Operation.DELETE ? "deleted" : "replaced")
                    + "; the engine refuses until `protect` is removed from the program"));
        }
        for (IngressOpening opening : InternetIngress.forbiddenOpenings(change)) {
            reasons.add(Reason.blocked("opens " + opening.describe() + " on " + name
                    + "; only the load balancer may take TCP 80/443 from the internet"));
        }
        reasons.addAll(PublicAccess.reasons(change));
        for (String weakening : Safeguards.weakenings(change)) {
            reasons.add(Reason.needsApproval(weakening + " on " + stateful.orElse(change.type()) + " " + name));
        }

        stateful.flatMap(noun -> DatabaseUpgrades.reason(change, noun)).ifPresent(reasons::add);
        if (op == Operation.DELETE) {
            reasons.add(Reason.needsApproval(stateful
                    .map(noun -> "deletes " + noun + " " + name + ": the data it holds is lost")
                    .orElse("deletes " + change.type() + " " + name)));
        } else if (op == Operation.REPLACE) {
            List<String> why = change.replaceProperties().isEmpty() ? change.changedProperties() : change.replaceProperties();
            String because = why.isEmpty() ? "" : " because " + String.join(", ", why) + " changed";
            reasons.add(Reason.needsApproval(stateful
                    .map(noun -> "replaces " + noun + " " + name + because
                            + ": the existing one is deleted with the data it holds")
                    .orElse("replaces " + name + " (delete and create)" + because)));
        }

        if (!change.isTagOnlyUpdate()) {
            ControlArea.of(change).ifPresent(area -> reasons.add(Reason.needsApproval(
                    "changes " + area.noun() + ": " + describe(change))));
            if (production && reasons.isEmpty()) {
                reasons.add(Reason.needsApproval(
                        "production stack: every change except tags needs approval (" + describe(change) + ")"));
            }
        }
        return reasons;
    }

    /** The most severe decision among the reasons; APPLY when there are none. */
    public static Decision decide(List<Reason> reasons) {
        Decision decision = Decision.APPLY;
        for (Reason reason : reasons) {
            decision = decision.worst(reason.decision());
        }
        return decision;
    }

    private static String describe(ResourceChange change) {
        String what = change.operation().label() + " " + change.type() + " `" + change.name() + "`";
        List<String> properties = change.changedProperties();
        if (change.operation() == Operation.UPDATE && !properties.isEmpty()) {
            return what + " (" + String.join(", ", properties) + ")";
        }
        return what;
    }
}
