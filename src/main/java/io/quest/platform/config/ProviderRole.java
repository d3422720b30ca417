package io.quest.platform.config;

import io.quest.platform.choice.ConfigChoice;

import java.util.List;
import java.util.Map;

/**
 * Which of the roles the shared stack made in an environment's account that environment's AWS provider
 * assumes. It is not stack configuration but a property of the run, so it comes from one environment
 * variable, {@value #VARIABLE}, which the CI workflows set: {@code previewer} in pull-request previews,
 * {@code deployer} in deployments. Unset means {@code deployer}: an administrator's {@code pulumi up} works
 * as before, and a preview that forgets the switch fails closed, because the CI preview role may assume
 * only previewers.
 */
public enum ProviderRole implements ConfigChoice {
    /** {@code quest-platform-deployer}: applies the stack (AdministratorAccess inside the permissions boundary). The default. */
    DEPLOYER("deployer"),
    /** {@code quest-platform-previewer}: previews the stack (ReadOnlyAccess without data reads); cannot change anything. */
    PREVIEWER("previewer"),
    /**
     * {@code quest-platform-reviewer}: applies review stacks ({@code pr-<n>}) only (ReadOnlyAccess without data reads, and
     * the writes a review stack needs); CI's review role may assume nothing else.
     */
    REVIEWER("reviewer");

    /** The environment variable that chooses the role. */
    public static final String VARIABLE = "QUEST_PLATFORM_PROVIDER_ROLE";

    private final String configValue;

    ProviderRole(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /**
     * The role a run's environment variables choose; an unknown value is a problem naming the variable. The
     * shared stack reads the variable but has no use for it: its providers act with the administrator's own
     * credentials and the bootstrap roles, and no CI role can act in the shared account.
     */
    static ProviderRole read(Map<String, String> environment, List<ConfigProblem> problems) {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return DEPLOYER;
        }
        for (ProviderRole role : values()) {
            if (role.configValue.equals(value.trim())) {
                return role;
            }
        }
        problems.add(ConfigProblem.of(VARIABLE, value, "is not one of " + Settings.choices(ProviderRole.class)
                + " (the environment variable choosing the role an environment's AWS provider assumes)"));
        return DEPLOYER;
    }
}
