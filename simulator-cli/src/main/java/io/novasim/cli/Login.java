package io.novasim.cli;

import io.novasim.CloudSetup;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;

import java.util.List;
import java.util.Optional;

/** The credentials the printed clouds.yaml and OS_* block use: one user, one of its projects. */
record Login(String username, String password, String projectName, String userDomainName,
             String projectDomainName) {

    /** The user {@code demo} when there is one (the docs use it), else the first user with a role in a project. */
    static Optional<Login> pick(CloudSetup setup) {
        List<User> users = setup.catalog().users();
        return users.stream().filter(u -> u.name().equals("demo")).findFirst()
                .flatMap(u -> of(setup, u))
                .or(() -> users.stream().map(u -> of(setup, u)).flatMap(Optional::stream).findFirst());
    }

    private static Optional<Login> of(CloudSetup setup, User user) {
        String password = setup.passwords().get(user.id());
        if (password == null) {
            return Optional.empty();
        }
        return projectsOf(setup, user).stream().findFirst().map(project -> new Login(user.name(), password,
                project.name(), domainName(user.domainId()), domainName(project.domainId())));
    }

    /** The projects in which a user has a role, in the setup's order. */
    static List<Project> projectsOf(CloudSetup setup, User user) {
        return setup.catalog().projects().stream()
                .filter(p -> !setup.rolesOf(user.id(), p.id()).isEmpty())
                .toList();
    }

    /** Keystone clients name the default domain {@code Default}; the simulator knows it by id {@code default}. */
    static String domainName(String domainId) {
        return CloudSetup.DEFAULT_DOMAIN.equals(domainId) ? "Default" : domainId;
    }
}
