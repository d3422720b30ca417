package io.quest.platform.state;

import com.pulumi.core.Output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CI roles that use the state, as the shared stack creates them (ARNs known once the roles exist), and which
 * stacks each environment reads besides its own.
 *
 * @param sharedStack    the shared stack's name, whose state every CI role reads
 * @param previewRoleArn the CI role of pull-request previews
 * @param deployRoleArns per environment, the CI role that deploys it
 * @param reads          per environment, the other stacks whose state its CI roles read
 * @param dataStacks     the environments with a data stack ({@code <environment>-data}) their deploy role updates too
 * @param reviewRoleArn  CI's review role, which updates the review stacks ({@code pr-<n>}); empty without review stacks
 * @param reviewEnvironmentStack the environment stack the review stacks read
 */
public record StateReaders(
        String sharedStack,
        Output<String> previewRoleArn,
        Map<String, Output<String>> deployRoleArns,
        Map<String, List<String>> reads,
        java.util.Set<String> dataStacks,
        Optional<Output<String>> reviewRoleArn,
        Optional<String> reviewEnvironmentStack) {

    /** Readers without review stacks. */
    public StateReaders(String sharedStack, Output<String> previewRoleArn, Map<String, Output<String>> deployRoleArns,
                        Map<String, List<String>> reads, java.util.Set<String> dataStacks) {
        this(sharedStack, previewRoleArn, deployRoleArns, reads, dataStacks, Optional.empty(), Optional.empty());
    }

    /** Readers for environments without data stacks. */
    public StateReaders(String sharedStack, Output<String> previewRoleArn, Map<String, Output<String>> deployRoleArns,
                        Map<String, List<String>> reads) {
        this(sharedStack, previewRoleArn, deployRoleArns, reads, java.util.Set.of(), Optional.empty(), Optional.empty());
    }

    public StateReaders {
        dataStacks = java.util.Set.copyOf(dataStacks);
        Objects.requireNonNull(reviewRoleArn, "reviewRoleArn");
        Objects.requireNonNull(reviewEnvironmentStack, "reviewEnvironmentStack");
        if (reviewRoleArn.isPresent() != reviewEnvironmentStack.isPresent()) {
            throw new IllegalArgumentException("a review role goes with the environment stack its review stacks read, and the other way round");
        }
        Objects.requireNonNull(sharedStack, "sharedStack");
        Objects.requireNonNull(previewRoleArn, "previewRoleArn");
        deployRoleArns = Collections.unmodifiableMap(new LinkedHashMap<>(deployRoleArns));
        Map<String, List<String>> copy = new TreeMap<>();
        reads.forEach((env, stacks) -> copy.put(env, List.copyOf(stacks)));
        reads = Collections.unmodifiableMap(copy);
        if (deployRoleArns.isEmpty()) {
            throw new IllegalArgumentException("the state needs at least one environment's deploy role");
        }
        if (!deployRoleArns.keySet().containsAll(reads.keySet())) {
            throw new IllegalArgumentException("state reads name environments without a deploy role: " + reads.keySet()
                    + " against " + deployRoleArns.keySet());
        }
    }

    /** The grants, once every role's ARN is known. */
    public Output<StateGrants> grants(StateObjects objects) {
        List<String> environments = List.copyOf(deployRoleArns.keySet());
        Output<Optional<String>> review = reviewRoleArn.map(arn -> arn.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        return Output.tuple(previewRoleArn, Output.all(environments.stream().map(deployRoleArns::get).toList()), review)
                .applyValue(t -> {
                    Map<String, String> deploy = new LinkedHashMap<>();
                    for (int i = 0; i < environments.size(); i++) {
                        deploy.put(environments.get(i), t.t2.get(i));
                    }
                    return new StateGrants(objects, sharedStack, t.t1, deploy, reads, dataStacks,
                            t.t3.map(arn -> new ReviewGrant(arn, reviewEnvironmentStack.orElseThrow())));
                });
    }
}
