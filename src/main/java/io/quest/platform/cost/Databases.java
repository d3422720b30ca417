package io.quest.platform.cost;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.planned.PlannedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed monthly cost of RDS: an instance's class by the hour (twice with a Multi-AZ standby) and its gp3 volume;
 * an Aurora Serverless v2 instance at its cluster's minimum capacity, every hour, since Aurora never scales below it
 * (capacity above the minimum follows load and is not estimated); and the Secrets Manager secret RDS keeps a managed
 * master password in. Aurora's storage and I/O follow the data and are not estimated either.
 */
final class Databases {

    private Databases() {
    }

    static List<CostItem> items(PlannedStack plan, PlannedResource r, Pricer p) {
        List<CostItem> items = new ArrayList<>();
        switch (r.type()) {
            case "aws:rds/instance:Instance" -> {
                int copies = Boolean.TRUE.equals(r.input("multiAz")) ? 2 : 1;
                String type = String.valueOf(r.input("instanceClass"));
                String standby = copies == 2 ? ", Multi-AZ" : "";
                Price.byKey("rds-postgres-" + type + "-hour").ifPresent(price -> items.add(p.item("RDS PostgreSQL " + type + standby,
                        r.urn(), copies * CostModel.HOURS, price, CostKind.FIXED, null)));
                if (r.input("allocatedStorage") instanceof Number gb) {
                    items.add(p.item("RDS gp3 storage (" + Pricer.fmt(gb.doubleValue()) + " GB" + standby + ")", r.urn(),
                            copies * gb.doubleValue(), Price.RDS_GP3_GB_MONTH, CostKind.FIXED, null));
                }
                secret(r, p, items);
            }
            case "aws:rds/clusterInstance:ClusterInstance" -> {
                if ("db.serverless".equals(r.input("instanceClass"))) {
                    minimumCapacity(plan, r).ifPresent(acu -> items.add(p.item("Aurora Serverless v2 instance at its minimum ("
                            + Pricer.fmt(acu) + " ACU)", r.urn(), acu * CostModel.HOURS, Price.AURORA_ACU_HOUR, CostKind.FIXED, null)));
                }
            }
            case "aws:rds/cluster:Cluster" -> secret(r, p, items);
            default -> {
            }
        }
        return items;
    }

    private static void secret(PlannedResource r, Pricer p, List<CostItem> items) {
        if (Boolean.TRUE.equals(r.input("manageMasterUserPassword"))) {
            items.add(p.item("Secrets Manager secret (master password)", r.urn(), 1, Price.SECRET_MONTH, CostKind.FIXED, null));
        }
    }

    /** The minimum ACUs of the cluster a Serverless v2 instance belongs to. */
    static Optional<Double> minimumCapacity(PlannedStack plan, PlannedResource instance) {
        Object cluster = instance.input("clusterIdentifier");
        return plan.ofType("aws:rds/cluster:Cluster").stream()
                .filter(c -> cluster != null && cluster.equals(c.id()))
                .findFirst()
                .map(c -> c.input("serverlessv2ScalingConfiguration"))
                .filter(m -> m instanceof Map<?, ?> scaling && scaling.get("minCapacity") instanceof Number)
                .map(m -> ((Number) ((Map<?, ?>) m).get("minCapacity")).doubleValue());
    }
}
