package io.novasim.model.error;

/**
 * Nova's error texts, letter for letter (nova-semantics.md §1.2, from {@code nova/exception.py} and
 * {@code nova/api/openstack/common.py}). Clients and tests match on these strings, so they live in one place.
 */
public final class NovaErrors {
    private NovaErrors() {
    }

    public static ItemNotFound instanceNotFound(String serverId) {
        return new ItemNotFound("Instance " + serverId + " could not be found.");
    }

    /**
     * The 409 for a server whose state forbids an action. {@code attribute} is {@code vm_state}, {@code task_state} or
     * {@code launched_at}; the state prints as Nova prints it ({@code None} for an idle task or a null launch time).
     */
    public static Conflict invalidState(String action, String serverId, String attribute, Object state) {
        if (state == null) {
            // Nova's fallback when the state is None, e.g. a server that never launched (common.py).
            return new Conflict("Instance " + serverId + " is in an invalid state for '" + action + "'");
        }
        return new Conflict("Cannot '" + action + "' instance " + serverId + " while it is in " + attribute + " "
                + state);
    }

    public static Conflict locked(String serverId) {
        return new Conflict("Instance " + serverId + " is locked");
    }

    public static Forbidden policyForbids(String rule) {
        return new Forbidden("Policy doesn't allow " + rule + " to be performed.");
    }

    public static BadRequest flavorNotFound(String flavorId) {
        return new BadRequest("Flavor " + flavorId + " could not be found.");
    }

    public static BadRequest imageNotFound() {
        return new BadRequest("Can not find requested image");
    }

    /** Server create with neither an image nor a boot volume. */
    public static BadRequest missingImageRef() {
        return new BadRequest("Missing imageRef attribute");
    }

    /** A multi-create ({@code max_count} over 1) naming a port: one port cannot serve several servers. */
    public static BadRequest multiCreateWithPort() {
        return new BadRequest("Failed to launch instances: Unable to launch multiple instances with a single "
                + "configured port ID. Please launch your instance one by one with different ports.");
    }

    /** A multi-create asking for a fixed IP. */
    public static BadRequest multiCreateWithFixedIp() {
        return new BadRequest("Failed to launch instances: max_count cannot be greater than 1 if an fixed_ip is "
                + "specified.");
    }

    /** A multi-create booting from a volume: a volume is attached to one server. */
    public static BadRequest multiCreateWithVolume() {
        return new BadRequest("Cannot attach one or more volumes to multiple instances");
    }

    /** Server create naming a key pair its user does not have. */
    public static BadRequest invalidKeyName() {
        return new BadRequest("Invalid key_name provided.");
    }

    /** A multi-create naming a hostname: each server needs its own. */
    public static BadRequest hostnameForMultipleInstances() {
        return new BadRequest("Unable to allocate a single hostname to multiple instances");
    }

    public static BadRequest noSuchAction(String action) {
        return new BadRequest("There is no such action: " + action);
    }

    /** A project id in the URL that is not the token's ({@code nova/api/openstack/wsgi.py}). */
    public static BadRequest projectIdMismatch(String urlProjectId, String tokenProjectId) {
        return new BadRequest("Malformed request URL: URL's project_id '" + urlProjectId
                + "' doesn't match Context's project_id '" + tokenProjectId + "'");
    }

    /** A request body whose Content-Type is not JSON. */
    public static ApiError unsupportedContentType() {
        return new ApiError(415, "badMediaType", "Unsupported Content-Type");
    }

    public static BadRequest malformedBody() {
        return new BadRequest("Malformed request body");
    }

    public static BadRequest invalidInput(String field, Object value, String why) {
        return new BadRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". " + why);
    }

    /** A blank server name, as the schema words it. */
    public static BadRequest nameTooShort(String name) {
        return invalidInput("name", name, "'" + name + "' is too short");
    }

    public static ItemNotFound instanceActionNotFound(String requestId, String serverId) {
        return new ItemNotFound("Action for request_id " + requestId + " on instance " + serverId + " not found");
    }

    // ---- key pairs

    public static Conflict keypairExists(String name) {
        return new Conflict("Key pair '" + name + "' already exists.");
    }

    public static ItemNotFound keypairNotFound(String name, String userId) {
        return new ItemNotFound("Keypair " + name + " not found for user " + userId);
    }

    // ---- port interfaces (nova-semantics.md §3.2)

    public static ItemNotFound portNotFound(String portId) {
        return new ItemNotFound("Port id " + portId + " could not be found.");
    }

    public static ItemNotFound networkNotFound(String networkId) {
        return new ItemNotFound("Network " + networkId + " could not be found.");
    }

    public static ItemNotFound portNotOnServer(String serverId, String portId) {
        return new ItemNotFound("Instance " + serverId + " does not have a port with id " + portId);
    }

    public static Conflict portInUse(String portId) {
        return new Conflict("Port " + portId + " is still in use.");
    }

    /** Server create: a port named in the body that does not exist is a 400, not the 404 of os-interface. */
    public static BadRequest portInBodyNotFound(String portId) {
        return new BadRequest("Port id " + portId + " could not be found.");
    }

    /** Server create: a network named in the body that does not exist is a 400. */
    public static BadRequest networkInBodyNotFound(String networkId) {
        return new BadRequest("Network " + networkId + " could not be found.");
    }

    /** Server create without networks named, when the project could use more than one. */
    public static Conflict networkAmbiguousAtCreate() {
        return new Conflict("Multiple possible networks found, use a Network ID to be more specific.");
    }

    public static BadRequest bothNetworkAndPort() {
        return new BadRequest("Must not input both network_id and port_id");
    }

    public static BadRequest fixedIpWithoutNetwork() {
        return new BadRequest("Must input network_id when request IP address");
    }

    public static BadRequest networkAmbiguous() {
        return new BadRequest("More than one possible network found. Specify network ID(s) to select which one(s) "
                + "to connect to.");
    }

    public static BadRequest noNetworkAvailable(String projectId) {
        return new BadRequest("No specific network was requested and none are available for project '" + projectId
                + "'.");
    }

    public static BadRequest noMoreFixedIps(String networkId) {
        return new BadRequest("No fixed IP addresses available for network: " + networkId);
    }

    public static BadRequest fixedIpNotOnNetwork(String ip, String networkId) {
        return new BadRequest("Invalid input received: Fixed IP " + ip + " is not a valid ip address for network "
                + networkId + ".");
    }

    /** Interface attach: Nova passes its own shorter text to {@code FixedIpAlreadyInUse} (neutron.py). */
    public static Conflict fixedIpInUse(String ip) {
        return new Conflict("Fixed IP " + ip + " is already in use.");
    }

    /** Server create: {@code validate_networks} names the server that holds the address, as a 400. */
    public static BadRequest fixedIpInUseAtCreate(String ip, String holderId) {
        return new BadRequest("Fixed IP address " + ip + " is already in use on instance " + holderId + ".");
    }

    public static ComputeFault interfaceAttachFailed(String serverId) {
        return new ComputeFault("Failed to attach network adapter device to " + serverId);
    }

    /** The asynchronous failure recorded on the detach event (never an HTTP answer). */
    public static String interfaceDetachFailed(String serverId) {
        return "Failed to detach network adapter device from " + serverId;
    }

    /** The asynchronous failure recorded on the detach event of a port that is not attached. */
    public static String portNotAttached(String portId) {
        return "Port " + portId + " is not attached";
    }

    // ---- volume attachments (nova-semantics.md §4.2)

    public static ItemNotFound volumeNotFound(String volumeId) {
        return new ItemNotFound("Volume " + volumeId + " could not be found.");
    }

    /** A volume named in the body rather than the URL: Nova answers 400 for the same text. */
    public static BadRequest volumeInBodyNotFound(String volumeId) {
        return new BadRequest("Volume " + volumeId + " could not be found.");
    }

    public static ItemNotFound volumeNotAttached(String serverId, String volumeId) {
        return new ItemNotFound("Instance " + serverId + " is not attached to volume " + volumeId);
    }

    public static BadRequest cannotDetachRootVolume() {
        return new BadRequest("Cannot detach a root device volume");
    }

    public static BadRequest volumeAttachedElsewhere(String volumeId, String serverIds) {
        return new BadRequest("Invalid volume: volume " + volumeId + " is already attached to instances: "
                + serverIds);
    }

    public static BadRequest volumeAlreadyAttachedHere(String volumeId) {
        return new BadRequest("Invalid volume: volume " + volumeId + " already attached");
    }

    /** Cinder refuses to reserve a volume that is not available; Nova passes its 400 on as invalid input. */
    public static BadRequest volumeNotAvailable(String volumeId, Object status, boolean multiattach) {
        return new BadRequest("Invalid input received: Invalid volume: Volume " + volumeId + " status must be "
                + (multiattach ? "available, in-use or downloading" : "available or downloading")
                + " to reserve, but the current status is " + status + ". (HTTP 400)");
    }

    public static BadRequest multiattachNeedsNewerMicroversion() {
        return new BadRequest("Multiattach volumes are only supported starting with compute API version 2.60.");
    }

    public static BadRequest taggedAttachToShelvedOffloaded() {
        return new BadRequest("Tagged volume attachment is not supported for shelved-offloaded instances.");
    }

    public static BadRequest multiattachToShelvedOffloaded() {
        return new BadRequest("Attaching multiattach volumes is not supported for shelved-offloaded instances.");
    }

    /** Cinder's begin_detaching refusal, as Nova re-raises it: invalid input inside an invalid volume. */
    public static BadRequest volumeNotInUse() {
        return new BadRequest("Invalid volume: Invalid input received: Invalid volume: Unable to detach volume. "
                + "Volume status must be 'in-use' and attach_status must be 'attached' to detach. (HTTP 400)");
    }

    /** Server create from a volume that Cinder does not know (or the caller may not see). */
    public static BadRequest bootVolumeNotFound(String volumeId) {
        return new BadRequest("Block Device Mapping is Invalid: failed to get volume " + volumeId + ".");
    }

    /** Server create from a volume that is not available. */
    public static BadRequest bootVolumeNotAvailable(String volumeId, Object status) {
        return new BadRequest("Invalid volume: volume '" + volumeId + "' status must be 'available'. Currently in '"
                + status + "'");
    }

    /** Volume attach when every device name is taken. */
    public static Forbidden tooManyDiskDevices(Object maximum) {
        return new Forbidden("The maximum allowed number of disk devices (" + maximum
                + ") to attach to a single instance has been exceeded.");
    }

    /** PUT of a volume attachment (2.85+) naming a volume the server has no attachment of. */
    public static ItemNotFound noVolumeBdm(String volumeId) {
        return new ItemNotFound("No volume Block Device Mapping with id " + volumeId + ".");
    }

    /** Swap of a volume that is attached, but not to this server. */
    public static BadRequest swapSourceElsewhere() {
        return new BadRequest("Invalid volume: Old volume is attached to a different instance.");
    }

    public static BadRequest notMutable(String property) {
        return new BadRequest("The " + property + " property is not mutable");
    }

    public static BadRequest swapTargetAttached() {
        return new BadRequest("Invalid volume: New volume must be detached in order to swap.");
    }

    public static BadRequest swapTargetTooSmall() {
        return new BadRequest("Invalid volume: New volume must be the same size or larger.");
    }

    /** Cinder's refusal to delete a volume that is attached or busy. */
    public static BadRequest volumeBusy() {
        return new BadRequest("Invalid volume: Volume status must be available or error or error_restoring or "
                + "error_extending or error_managing and must not be migrating, attached, belong to a group, have "
                + "snapshots or be disassociated from snapshots after volume transfer.");
    }

    // ---- bare-metal media (seed 002, nova-semantics.md §7.1)

    public static ItemNotFound imageNotFound(String imageId) {
        return new ItemNotFound("Image " + imageId + " could not be found.");
    }

    public static Conflict mediaAlreadyAttached(String imageId, String serverId) {
        return new Conflict("Media " + imageId + " is already attached to server " + serverId);
    }

    public static ItemNotFound mediaNotAttached(String imageId, String serverId) {
        return new ItemNotFound("Media " + imageId + " is not attached to server " + serverId);
    }

    /** The 409 of seed 002: media actions are accepted only while task_state is None. */
    public static Conflict mediaWhileBusy(String action, String serverId, Object taskState) {
        return invalidState(action, serverId, "task_state", taskState);
    }
}
