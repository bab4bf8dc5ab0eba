package io.novasim.cli.explain;

/**
 * What stands for ids and values in explained requests and messages. The error factories are called with these, so a
 * message reads as its template: {@code Instance <server> is locked}.
 */
final class Placeholders {
    static final String SERVER = "<server>";
    static final String SERVERS = "<servers>";
    static final String NAME = "<name>";
    static final String PORT = "<port>";
    static final String NETWORK = "<network>";
    static final String IP = "<ip>";
    static final String VOLUME = "<volume>";
    static final String NEW_VOLUME = "<new-volume>";
    static final String IMAGE = "<image>";
    static final String FLAVOR = "<flavor>";
    static final String NEW_FLAVOR = "<new-flavor>";
    static final String PROJECT = "<project>";
    static final String URL_PROJECT = "<url-project>";
    static final String TOKEN_PROJECT = "<token-project>";
    static final String VM_STATE = "<vm_state>";
    static final String TASK_STATE = "<task_state>";
    static final String STATUS = "<status>";
    static final String FIELD = "<field>";
    static final String VALUE = "<value>";
    static final String REASON = "<reason>";
    static final String PROPERTY = "<property>";
    static final String MAXIMUM = "<maximum>";
    static final String RULE_MESSAGE = "<the rule's message>";

    private Placeholders() {
    }
}
