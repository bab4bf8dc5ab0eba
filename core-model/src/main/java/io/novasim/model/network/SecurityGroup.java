package io.novasim.model.network;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A Neutron security group of a project, with its rules; every project has one named {@code default}. */
public record SecurityGroup(String id, String name, String description, String projectId,
                            List<SecurityGroupRule> rules, Instant created) {
    public SecurityGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectId, "projectId");
        rules = List.copyOf(rules);
    }

    public boolean isDefault() {
        return name.equals("default");
    }

    public SecurityGroup withRules(List<SecurityGroupRule> newRules) {
        return new SecurityGroup(id, name, description, projectId, newRules, created);
    }
}
