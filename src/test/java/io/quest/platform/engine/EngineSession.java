package io.quest.platform.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stand-in engine knows and records during one program run: the stack it deploys, the cloud that
 * answers, and every call the program made.
 */
final class EngineSession {

    final String project;
    final String stack;
    final PlannedCloud cloud;
    final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    final List<String> stackReferences = Collections.synchronizedList(new ArrayList<>());
    final List<String> answeredReferences = Collections.synchronizedList(new ArrayList<>());
    final List<String> invokes = Collections.synchronizedList(new ArrayList<>());
    final List<EngineLog> logs = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Object> stackOutputs = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> secretStackOutputs = Collections.synchronizedList(new ArrayList<>());
    volatile String rootResource = "";

    EngineSession(String project, String stack, PlannedCloud cloud) {
        this.project = project;
        this.stack = stack;
        this.cloud = cloud;
    }

    /**
     * The URN the engine gives a resource: the parent's qualified type chained before the resource's own type,
     * except when the parent is the root stack (pulumi/pulumi pkg/resource/deploy/deployment.go,
     * {@code generateURN}, commit 720a90c6537da66ca1e3804e4fb9f5153e024743).
     */
    String urn(String parent, String type, String name) {
        String qualified = type;
        if (parent != null && !parent.isEmpty()) {
            String parentType = qualifiedType(parent);
            if (!Registration.ROOT_STACK.equals(parentType)) {
                qualified = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    /** {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}: the third part. */
    private static String qualifiedType(String urn) {
        String[] parts = urn.split("::", 4);
        if (parts.length < 4) {
            throw new IllegalArgumentException("not a URN: " + urn);
        }
        return parts[2];
    }
}
