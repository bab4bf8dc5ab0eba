package io.novasim.model.error;

import java.util.List;

/**
 * Every refusal the simulator answers with, by id, each with its one text: the status, the name its body gives the
 * fault and the message template. Clients and tests match on these texts, so they are written here and nowhere else
 * (nova-semantics.md §1.2; Nova's from {@code nova/exception.py} and {@code nova/api/openstack/}, the other services'
 * from theirs). Code refuses by id ({@code throw Refusal.INSTANCE_LOCKED.exception(serverId)}), dialects rewrite by id,
 * and the request journal, transcripts and {@code novasim explain} name the id.
 *
 * <p>To add one: a constant in the section of the API that answers it, named for what is refused, with the status,
 * the fault name of its {@link Body} and the text, placeholders as {@code {name}} in the order the arguments come.
 * Two constants never answer the same status, fault name and text (a test holds that), and every constant is used by
 * the simulator (another test). Nova answers some texts with two statuses (a flavor in the URL is 404, the same flavor
 * in a create's body 400): they are two refusals, {@code FLAVOR_NOT_FOUND} and {@code FLAVOR_IN_BODY_NOT_FOUND}.
 */
public enum Refusal {

    // ---------------------------------------------------------------- every API's pipeline

    /** keystonemiddleware's 401 for a missing, unknown or expired token, and Keystone's for bad credentials. */
    UNAUTHORIZED(Body.KEYSTONE, 401, "Unauthorized", "The request you have made requires authentication."),
    /** webob's 404 for a path or method nothing routes (Nova answers a wrong method the same way). */
    NO_ROUTE(Body.WEBOB, 404, "Not Found", "The resource could not be found.<br /><br />\n\n\n"),
    /** A body over 1 MiB: Nova's sizelimit middleware, whichever API it was sent to. */
    REQUEST_TOO_LARGE(413, "overLimit", "Request is too large."),
    /** A body that is not JSON. */
    MALFORMED_BODY(400, "badRequest", "Malformed request body"),
    /** A failure outside any API's own pipeline, which has no more specific answer. */
    UNEXPECTED_ERROR(500, "computeFault", "Unexpected API Error."),
    /**
     * A route real OpenStack serves (the community OpenAPI specs list it) and novasim does not simulate: Nova's and
     * Cinder's 501, never a 404 that would read as "no such API".
     */
    NOT_SIMULATED(501, "notImplemented", "novasim does not simulate {method} {route}"),
    /** {@link #NOT_SIMULATED} in Neutron's body. */
    NEUTRON_NOT_SIMULATED(Body.NEUTRON, 501, "HTTPNotImplemented", "novasim does not simulate {method} {route}"),
    /** {@link #NOT_SIMULATED} in Glance's (webob's) body. */
    GLANCE_NOT_SIMULATED(Body.WEBOB, 501, "Not Implemented", "novasim does not simulate {method} {route}"),
    /** {@link #NOT_SIMULATED} in Keystone's body. */
    KEYSTONE_NOT_SIMULATED(Body.KEYSTONE, 501, "Not Implemented", "novasim does not simulate {method} {route}"),

    // ---------------------------------------------------------------- compute: the request pipeline

    /** A compute or volume microversion that is not {@code N.N} or {@code latest}. */
    VERSION_MALFORMED(400, "badRequest", "API Version String {version} is of invalid format. Must be of format "
            + "MajorNum.MinorNum."),
    /** A compute or volume microversion outside the API's range: a computeFault, since 406 has no name of its own. */
    VERSION_NOT_SUPPORTED(406, "computeFault", "Version {version} is not supported by the API. Minimum is {minimum} "
            + "and maximum is {maximum}."),
    /** A body whose Content-Type is not JSON. */
    UNSUPPORTED_CONTENT_TYPE(415, "badMediaType", "Unsupported Content-Type"),
    /** A project id in the URL that is not the token's ({@code nova/api/openstack/wsgi.py}). */
    PROJECT_ID_MISMATCH(400, "badRequest", "Malformed request URL: URL's project_id '{url_project}' doesn't match "
            + "Context's project_id '{token_project}'"),
    /** A bug in a compute route: Nova's answer to an exception it did not expect. */
    UNEXPECTED_API_ERROR(500, "computeFault", "Unexpected API Error. Please report this at "
            + "http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class '{exception}'>"),
    /** A body field against the request's JSON schema; the reason is a {@link Reason}. */
    INVALID_INPUT(400, "badRequest", "Invalid input for field/attribute {field}. Value: {value}. {reason}"),
    /** The whole body against the request's JSON schema (no field to name): the {@link Reason} alone. */
    INVALID_BODY(400, "badRequest", "{reason}"),
    /** A query parameter against the request's query schema; the reason is a {@link Reason}. */
    INVALID_QUERY_PARAMETER(400, "badRequest", "Invalid input for query parameters {parameter}. Value: {value}. "
            + "{reason}"),
    /** A removed API Nova still routes and answers 410 (webob's HTTPGone, which has no fault name of its own). */
    GONE(410, "computeFault", "This resource is no longer available. No forwarding address is given."),
    /** A server action whose name Nova does not know. */
    NO_SUCH_ACTION(400, "badRequest", "There is no such action: {action}"),
    /** A {@code marker} that names nothing in the list (Nova's and Cinder's lists). */
    MARKER_NOT_FOUND(400, "badRequest", "marker [{marker}] not found"),
    /**
     * A fault rule of type error fired: the rule gives the code, the fault name and the message, so this constant
     * has neither status nor fault name of its own (see {@link ApiError#ofFaultRule}).
     */
    FAULT_RULE_ERROR(Body.FAULT, 0, null, "{message}"),
    /** A call to a service a fault rule holds down: the load balancer in front of it answers (its page is HTML). */
    SERVICE_DOWN(Body.TEXT, 503, "serviceUnavailable", "No server is available to handle this request."),

    // ---------------------------------------------------------------- compute: the dialects' own answers

    /** ECL compute (seed 000): a root volume detach, Nova's 403 before Rocky. */
    ROOT_VOLUME_DETACH_FORBIDDEN(403, "forbidden", "Can't detach root device volume"),
    /** ECL bare-metal (seed 002): a tenant in the path that is not the token's. */
    TENANT_NOT_AVAILABLE(403, "forbidden", "Tenant is not available."),
    /** ECL bare-metal (seed 002): a routed path whose tenant is no tenant id. */
    TENANT_NOT_FOUND(404, "itemNotFound", "Tenant {tenant} could not be found."),
    /** ECL bare-metal (seed 002): a path or method nothing routes. */
    BAD_METHOD(405, "badMethod", "The request URL or method is not valid: {method} {path}"),
    /** Hostway (seed 003): every not-found, whatever Nova's text; the body adds {@code details} and {@code errorid}. */
    RESOURCE_NOT_FOUND(404, "itemNotFound", "Resource not found"),
    /** Hostway (seed 003): Basic authentication that is missing or wrong, as the seed's plain text, line for line. */
    BASIC_AUTH_REQUIRED(Body.TEXT, 401, "Unauthorized", "401 Unauthorized\n"
            + "This server could not verify that you are authorized to\n"
            + "access the document you requested.  Either you supplied the\n"
            + "wrong credentials (e.g., bad password), or your browser\n"
            + "does not understand how to supply the credentials required.\n"),

    // ---------------------------------------------------------------- compute: servers and their actions

    /** A server that does not exist, or that the caller may not see. */
    INSTANCE_NOT_FOUND(404, "itemNotFound", "Instance {server} could not be found."),
    /** A locked server, for a caller who is not an admin. */
    INSTANCE_LOCKED(409, "conflictingRequest", "Instance {server} is locked"),
    /** A server's metadata set beyond the metadata_items quota (Nova's default: 128). */
    METADATA_LIMIT_EXCEEDED(403, "forbidden", "Maximum number of metadata items exceeds {allowed}"),
    /**
     * A create, restore or resize beyond the project's instances, cores or ram quota, as Nova's
     * {@code TooManyInstances} words it: the resources over, then for each what was requested, used and allowed.
     */
    QUOTA_EXCEEDED(403, "forbidden", "Quota exceeded for {overs}: Requested {requested}, but already used {used} of "
            + "{allowed} {resources}"),
    /** A key pair beyond the key_pairs quota ({@code KeypairLimitExceeded}). */
    KEYPAIR_QUOTA_EXCEEDED(403, "forbidden", "Quota exceeded, too many key pairs."),
    /** A server group beyond the server_groups quota. */
    SERVER_GROUP_QUOTA_EXCEEDED(403, "forbidden", "Quota exceeded, too many server groups."),
    /** A server booted into a group that holds the server_group_members quota of the user's servers. */
    SERVER_GROUP_MEMBERS_QUOTA_EXCEEDED(403, "forbidden", "Quota exceeded, too many servers in group"),
    /** A quota set below what the project uses, without {@code force}. */
    QUOTA_LIMIT_BELOW_USAGE(400, "badRequest", "Quota limit {limit} for {resource} must be greater than or equal to "
            + "already used and reserved {minimum}."),
    /** A quota update naming nova-network's networks quota. */
    NETWORKS_QUOTA_REMOVED(400, "badRequest", "The networks quota has been removed"),
    /** A quota request for a project Keystone does not know ({@code identity.verify_project_id}). */
    PROJECT_NOT_VALID(400, "badRequest", "Project ID {project} is not a valid project."),
    /** A boot whose new ports the project's Neutron port quota cannot hold ({@code PortLimitExceeded}). */
    PORT_LIMIT_EXCEEDED(403, "forbidden", "Maximum number of ports exceeded"),
    /** A boot of a project that has more ports than its Neutron quota already (an admin forced it lower). */
    PORTS_OVER_LIMIT(403, "forbidden", "The number of defined ports: {ports} is over the limit: {quota}"),
    /** Cinder's quota read of another project by a caller who is not an admin. */
    CINDER_QUOTA_SHOW_POLICY(403, "forbidden", "Policy doesn't allow volume_extension:quotas:show to be performed."),
    /** Cinder's quota update by a caller who is not an admin. */
    CINDER_QUOTA_UPDATE_POLICY(403, "forbidden", "Policy doesn't allow volume_extension:quotas:{action} to be "
            + "performed."),
    /** Cinder's quota update naming a resource it does not have. */
    CINDER_BAD_QUOTA_KEY(400, "badRequest", "Invalid input received: Bad key(s) in quota set: {keys}"),
    /** Cinder's {@code usage} query that is no boolean. */
    CINDER_NOT_A_BOOLEAN(400, "badRequest", "Value '{value}' for '{parameter}' is not a boolean."),
    /** Cinder's quota update below what the project uses (for a resource the project had a limit of its own for). */
    CINDER_QUOTA_BELOW_USAGE(400, "badRequest", "Quota {key} limit must be equal or greater than existing "
            + "resources. Current usage is {usage} and the requested limit is {limit}."),
    /** A volume larger than the per_volume_gigabytes quota (FaultWrapper names the exception). */
    VOLUME_SIZE_EXCEEDS_LIMIT(413, "overLimit", "VolumeSizeExceedsLimit: Requested volume size {size}G is larger "
            + "than maximum allowed limit {limit}G."),
    /** A volume beyond a gigabytes quota. */
    VOLUME_SIZE_EXCEEDS_QUOTA(413, "overLimit", "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
            + "exceeds allowed {name} quota. Requested {requested}G, quota is {quota}G and {consumed}G has been "
            + "consumed."),
    /** A volume beyond a volumes quota. */
    VOLUME_LIMIT_EXCEEDED(413, "overLimit", "VolumeLimitExceeded: Maximum number of volumes allowed ({allowed}) "
            + "exceeded for quota '{name}'."),
    /** A create naming a security group Neutron does not find by that id, nor by that name in the project. */
    SECURITY_GROUP_IN_BODY_NOT_FOUND(400, "badRequest", "Unable to find security_group with name or id '{group}'"),
    /** A create naming a security group by a name several of the project's groups have. */
    SECURITY_GROUP_NOT_UNIQUE(409, "conflictingRequest", "Multiple security_group matches found for name '{group}', "
            + "use an ID to be more specific."),
    /** A metadata key the server does not have. */
    METADATA_ITEM_NOT_FOUND(404, "itemNotFound", "Metadata item was not found"),
    /** A tag that is empty, longer than 60 characters or holds '/' or ',' (the reason: jsonschema's). */
    TAG_INVALID(400, "badRequest", "Tag '{tag}' is invalid. It must be a non empty string without characters '/' "
            + "and ','. Validation error message: {reason}"),
    /** A 51st tag on one server ({@code objects.instance.MAX_TAG_COUNT}). */
    TAG_LIMIT_EXCEEDED(400, "badRequest", "The number of tags exceeded the per-server limit {limit}"),
    /** A tag removed that the server does not have. */
    INSTANCE_TAG_NOT_FOUND(404, "itemNotFound", "Instance {server} has no tag '{tag}'"),
    /** A tag asked for that the server does not have. */
    SERVER_TAG_NOT_FOUND(404, "itemNotFound", "Server {server} has no tag '{tag}'"),
    /** A route asked for below the microversion that brought it (Nova's VersionNotFoundForAPIMethod). */
    NOT_IN_THIS_VERSION(404, "itemNotFound", "The resource could not be found."),
    /** {@code PUT /servers/{id}/metadata/{key}} whose body sets another key. */
    METADATA_URI_MISMATCH(400, "badRequest", "Request body and URI mismatch"),
    /** A vm_state or task_state the action does not accept (the attribute and the state as Nova prints them). */
    INSTANCE_INVALID_STATE(409, "conflictingRequest", "Cannot '{action}' instance {server} while it is in "
            + "{attribute} {state}"),
    /**
     * A server that never became active ({@code launched_at} None): Nova's fallback text for an invalid state
     * without one to name ({@code nova/api/openstack/common.py}).
     */
    INSTANCE_NOT_LAUNCHED(409, "conflictingRequest", "Instance {server} is in an invalid state for '{action}'"),
    /** A request that needs the server's host (its console) while it has none: scheduling, or offloaded. */
    INSTANCE_NOT_READY(409, "conflictingRequest", "Instance {server} is not ready"),
    /** A policy rule only admins pass ({@code PolicyNotAuthorized}). */
    POLICY_NOT_AUTHORIZED(403, "forbidden", "Policy doesn't allow {policy} to be performed."),
    /** {@code GET /flavors/{id}} of a flavor that does not exist ({@code common.get_flavor}). */
    FLAVOR_NOT_FOUND(404, "itemNotFound", "Flavor {flavor} could not be found."),
    /** Server create with a flavorRef that names no flavor: the same text, as a 400. */
    FLAVOR_IN_BODY_NOT_FOUND(400, "badRequest", "Flavor {flavor} could not be found."),
    /** Server create with an imageRef that names no image. */
    IMAGE_IN_BODY_NOT_FOUND(400, "badRequest", "Can not find requested image"),
    /** A boot volume to make from an image that does not exist. */
    INVALID_BDM_IMAGE(400, "badRequest", "Block Device Mapping is Invalid: failed to get image {image}."),
    /** A boot volume to make from an image, without a size. */
    INVALID_BDM_IMAGE_SIZE(400, "badRequest", "Images with destination_type 'volume' need to have a non-zero size "
            + "specified"),
    /** A blank boot volume without a size. */
    INVALID_BDM_BLANK_SIZE(400, "badRequest", "Blank volumes (source: 'blank', dest: 'volume') need to have non-zero "
            + "size"),
    /** Server create with neither an image nor a boot volume. */
    MISSING_IMAGE_REF(400, "badRequest", "Missing imageRef attribute"),
    /** Server create naming a key pair its user does not have. */
    INVALID_KEY_NAME(400, "badRequest", "Invalid key_name provided."),
    /** createImage metadata over the metadata quota, below 2.39 (common.check_img_metadata_properties_quota). */
    IMAGE_METADATA_LIMIT_EXCEEDED(403, "forbidden", "Image metadata limit exceeded"),
    /** An os-services update of a service that does not exist. */
    SERVICE_NOT_FOUND(404, "itemNotFound", "Service {service} could not be found."),
    /** An os-services update with nothing to change. */
    SERVICE_UPDATE_EMPTY(400, "badRequest", "No updates were requested. Fields 'status' or 'forced_down' should be "
            + "specified."),
    /** forced_down of a service other than nova-compute. */
    SERVICE_NOT_COMPUTE(400, "badRequest", "Updating a {binary} service is not supported. Only nova-compute "
            + "services can be updated."),
    /** A hypervisor that does not exist. */
    HYPERVISOR_NOT_FOUND(404, "itemNotFound", "Hypervisor with ID '{hypervisor}' could not be found."),
    /** A server group that does not exist, or another project's. */
    SERVER_GROUP_NOT_FOUND(404, "itemNotFound", "Instance group {group} could not be found."),
    /** A create's group hint that names no server group. */
    SERVER_GROUP_IN_BODY_NOT_FOUND(400, "badRequest", "Instance group {group} could not be found."),
    /** A rule for a policy other than anti-affinity (2.64). */
    SERVER_GROUP_RULES_ONLY_ANTI_AFFINITY(400, "badRequest", "Only anti-affinity policy supports rules."),
    /** A migrate (2.56) to a host that does not exist. */
    COMPUTE_HOST_NOT_FOUND(400, "badRequest", "Compute host {host} could not be found."),
    /** A migrate (2.56) to the host the server is on. */
    CANNOT_MIGRATE_TO_SAME_HOST(400, "badRequest", "Cannot migrate to the host where the server exists."),
    /** An evacuate forced (2.29) without a host to force it to. */
    FORCE_WITHOUT_HOST(400, "badRequest", "Can't force to a non-provided destination"),
    /** An evacuate to a host that does not exist. */
    EVACUATE_HOST_NOT_FOUND(404, "itemNotFound", "Compute host {host} not found."),
    /** An evacuate to the host the server is on. */
    EVACUATE_SAME_HOST(400, "badRequest", "The target host can't be the same one."),
    /** An evacuate of a server whose host is up. */
    COMPUTE_SERVICE_IN_USE(400, "badRequest", "Compute service of {host} is still in use."),
    /** A resize to the flavor the server has. */
    RESIZE_SAME_FLAVOR(400, "badRequest", "When resizing, instances must change flavor!"),
    /** A resize of an image-backed server to a flavor without a root disk. */
    RESIZE_ZERO_DISK(400, "badRequest", "Server disk was unable to be resized because: Resize to zero disk flavor "
            + "is not allowed."),
    /** A confirmResize or revertResize with no finished resize to act on (MigrationNotFoundByStatus). */
    NOT_RESIZED(400, "badRequest", "Instance has not been resized."),
    /** A backup of a server that boots from a volume. */
    BACKUP_VOLUME_BACKED(400, "badRequest", "Backup is not supported for volume-backed instances."),
    /** A rebuild to an image that does not exist. */
    REBUILD_IMAGE_NOT_FOUND(400, "badRequest", "Cannot find image for rebuild"),
    /** A rebuild to an image that is not active (queued, saving, deactivated). */
    IMAGE_NOT_ACTIVE(400, "badRequest", "Image {image} is not active."),
    /** A rebuild of a volume-backed server to another image, below 2.93 (which reimages the root volume). */
    REBUILD_VOLUME_BACKED(400, "badRequest", "Image {image} is unacceptable: Unable to rebuild with a different "
            + "image for a volume-backed server."),
    /** Server create with a min_count above its max_count. */
    MIN_COUNT_OVER_MAX_COUNT(400, "badRequest", "min_count must be <= max_count"),
    /** A multi-create ({@code max_count} over 1) naming a port: one port cannot serve several servers. */
    MULTI_CREATE_WITH_PORT(400, "badRequest", "Failed to launch instances: Unable to launch multiple instances with a "
            + "single configured port ID. Please launch your instance one by one with different ports."),
    /** A multi-create asking for a fixed IP. */
    MULTI_CREATE_WITH_FIXED_IP(400, "badRequest", "Failed to launch instances: max_count cannot be greater than 1 if "
            + "an fixed_ip is specified."),
    /** A multi-create booting from a volume: a volume is attached to one server. */
    MULTI_CREATE_WITH_VOLUME(400, "badRequest", "Cannot attach one or more volumes to multiple instances"),
    /** A multi-create naming a hostname: each server needs its own. */
    HOSTNAME_FOR_MULTIPLE_INSTANCES(400, "badRequest", "Unable to allocate a single hostname to multiple instances"),
    /** {@code GET /servers/{id}/ips/{network}} of a network the server has no address on. */
    INSTANCE_NOT_ON_NETWORK(404, "itemNotFound", "Instance is not a member of specified network"),
    /** An instance action by a request id the server has none of. */
    INSTANCE_ACTION_NOT_FOUND(404, "itemNotFound", "Action for request_id {request_id} on instance {server} not "
            + "found"),

    // ---------------------------------------------------------------- compute: key pairs

    /** A key pair name the user has already. */
    KEYPAIR_EXISTS(409, "conflictingRequest", "Key pair '{name}' already exists."),
    /** A key pair the user does not have. */
    KEYPAIR_NOT_FOUND(404, "itemNotFound", "Keypair {name} not found for user {user}"),

    // ------------------------------------------------------------ compute: port interfaces (nova-semantics.md §3.2)

    /** os-interface naming a port that does not exist, or that the caller may not see. */
    PORT_NOT_FOUND(404, "itemNotFound", "Port id {port} could not be found."),
    /** Server create naming a port that does not exist: the same text, as a 400. */
    PORT_IN_BODY_NOT_FOUND(400, "badRequest", "Port id {port} could not be found."),
    /** os-interface naming a network that does not exist, or that the caller may not use. */
    NETWORK_NOT_FOUND(404, "itemNotFound", "Network {network} could not be found."),
    /** Server create naming a network that does not exist: the same text, as a 400. */
    NETWORK_IN_BODY_NOT_FOUND(400, "badRequest", "Network {network} could not be found."),
    /** os-interface show or detach of a port the server does not have. */
    PORT_NOT_ON_SERVER(404, "itemNotFound", "Instance {server} does not have a port with id {port}"),
    /** A port that is bound already (or named twice in one create). */
    PORT_IN_USE(409, "conflictingRequest", "Port {port} is still in use."),
    /** Server create without networks named, when the project could use more than one. */
    NETWORK_AMBIGUOUS_AT_CREATE(409, "conflictingRequest", "Multiple possible networks found, use a Network ID to be "
            + "more specific."),
    /** Interface attach naming both a network and a port. */
    BOTH_NETWORK_AND_PORT(400, "badRequest", "Must not input both network_id and port_id"),
    /** Interface attach asking for a fixed IP without a network. */
    FIXED_IP_WITHOUT_NETWORK(400, "badRequest", "Must input network_id when request IP address"),
    /** Interface attach naming nothing, when the server's project could use more than one network. */
    NETWORK_AMBIGUOUS(400, "badRequest", "More than one possible network found. Specify network ID(s) to select "
            + "which one(s) to connect to."),
    /** Interface attach naming nothing, when the server's project has no network to use. */
    NO_NETWORK_AVAILABLE(400, "badRequest", "No specific network was requested and none are available for project "
            + "'{project}'."),
    /** A network whose subnets have no free address left. */
    NO_MORE_FIXED_IPS(400, "badRequest", "No fixed IP addresses available for network: {network}"),
    /** A fixed IP outside the network's subnets, or one of their reserved addresses. */
    FIXED_IP_NOT_ON_NETWORK(400, "badRequest", "Invalid input received: Fixed IP {ip} is not a valid ip address for "
            + "network {network}."),
    /** Interface attach asking for a fixed IP that is taken: Nova's own shorter text ({@code neutron.py}). */
    FIXED_IP_IN_USE(409, "conflictingRequest", "Fixed IP {ip} is already in use."),
    /** Server create asking for a fixed IP that is taken: {@code validate_networks} names its holder, as a 400. */
    FIXED_IP_IN_USE_AT_CREATE(400, "badRequest", "Fixed IP address {ip} is already in use on instance {server}."),
    /** Interface attach failing inside nova-compute (a fault rule of type fail): an RPC call, so the API's 500. */
    INTERFACE_ATTACH_FAILED(500, "computeFault", "Failed to attach network adapter device to {server}"),

    // --------------------------------------------------------- compute: volume attachments (nova-semantics.md §4.2)

    /** A volume in the URL that does not exist, or that the caller may not see. */
    VOLUME_NOT_FOUND(404, "itemNotFound", "Volume {volume} could not be found."),
    /** A volume named in the body rather than the URL (a swap's new volume): the same text, as a 400. */
    VOLUME_IN_BODY_NOT_FOUND(400, "badRequest", "Volume {volume} could not be found."),
    /** A volume the server has no attachment of. */
    VOLUME_NOT_ATTACHED(404, "itemNotFound", "Instance {server} is not attached to volume {volume}"),
    /** A detach of the server's root volume. */
    CANNOT_DETACH_ROOT_VOLUME(400, "badRequest", "Cannot detach a root device volume"),
    /** An attach of a volume that other servers have (listed, comma-separated). */
    VOLUME_ATTACHED_ELSEWHERE(400, "badRequest", "Invalid volume: volume {volume} is already attached to instances: "
            + "{servers}"),
    /** An attach of a volume this server has already. */
    VOLUME_ALREADY_ATTACHED_HERE(400, "badRequest", "Invalid volume: volume {volume} already attached"),
    /** Cinder refuses to reserve a volume that is not available; Nova passes its 400 on as invalid input. */
    VOLUME_NOT_AVAILABLE(400, "badRequest", "Invalid input received: Invalid volume: Volume {volume} status must be "
            + "available or downloading to reserve, but the current status is {status}. (HTTP 400)"),
    /** As {@link #VOLUME_NOT_AVAILABLE}, for a multiattach volume, which may also be in-use. */
    MULTIATTACH_VOLUME_NOT_AVAILABLE(400, "badRequest", "Invalid input received: Invalid volume: Volume {volume} "
            + "status must be available, in-use or downloading to reserve, but the current status is {status}. "
            + "(HTTP 400)"),
    /** A multiattach volume attached below microversion 2.60. */
    MULTIATTACH_NEEDS_NEWER_MICROVERSION(400, "badRequest", "Multiattach volumes are only supported starting with "
            + "compute API version 2.60."),
    /** A tagged attach to a shelved-offloaded server. */
    TAGGED_ATTACH_TO_SHELVED_OFFLOADED(400, "badRequest", "Tagged volume attachment is not supported for "
            + "shelved-offloaded instances."),
    /** A multiattach volume attached to a shelved-offloaded server. */
    MULTIATTACH_TO_SHELVED_OFFLOADED(400, "badRequest", "Attaching multiattach volumes is not supported for "
            + "shelved-offloaded instances."),
    /** Cinder's begin_detaching refusal, as Nova re-raises it: invalid input inside an invalid volume. */
    VOLUME_NOT_IN_USE(400, "badRequest", "Invalid volume: Invalid input received: Invalid volume: Unable to detach "
            + "volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach. (HTTP 400)"),
    /** Server create from a volume that Cinder does not know (or the caller may not see). */
    BOOT_VOLUME_NOT_FOUND(400, "badRequest", "Block Device Mapping is Invalid: failed to get volume {volume}."),
    /** Server create from a volume that is not available. */
    BOOT_VOLUME_NOT_AVAILABLE(400, "badRequest", "Invalid volume: volume '{volume}' status must be 'available'. "
            + "Currently in '{status}'"),
    /** Volume attach when every device name is taken. */
    TOO_MANY_DISK_DEVICES(403, "forbidden", "The maximum allowed number of disk devices ({maximum}) to attach to a "
            + "single instance has been exceeded."),
    /** PUT of a volume attachment (2.85+) naming a volume the server has no attachment of. */
    NO_VOLUME_BDM(404, "itemNotFound", "No volume Block Device Mapping with id {volume}."),
    /** Swap of a volume that is attached, but not to this server. */
    SWAP_SOURCE_ELSEWHERE(400, "badRequest", "Invalid volume: Old volume is attached to a different instance."),
    /** PUT of a volume attachment changing what it may not change. */
    NOT_MUTABLE(400, "badRequest", "The {property} property is not mutable"),
    /** Swap to a volume that is attached. */
    SWAP_TARGET_ATTACHED(400, "badRequest", "Invalid volume: New volume must be detached in order to swap."),
    /** Swap to a smaller volume. */
    SWAP_TARGET_TOO_SMALL(400, "badRequest", "Invalid volume: New volume must be the same size or larger."),

    // ---------------------------------------------------------------- compute: bare-metal media (seed 002, §7.1)

    /** A media action naming an image that does not exist. */
    IMAGE_NOT_FOUND(404, "itemNotFound", "Image {image} could not be found."),
    /** A media attach of an image the server has attached already. */
    MEDIA_ALREADY_ATTACHED(409, "conflictingRequest", "Media {image} is already attached to server {server}"),
    /** A media detach of an image the server does not have. */
    MEDIA_NOT_ATTACHED(404, "itemNotFound", "Media {image} is not attached to server {server}"),

    // ---------------------------------------------------------------- volume (Cinder v3): Nova's fault shape

    /** A project id in the URL that is not the token's: Cinder's text. */
    VOLUME_URL_MALFORMED(400, "badRequest", "Malformed request url"),
    /** A create without a {@code volume} object. */
    VOLUME_BODY_MISSING(400, "badRequest", "Missing required element 'volume' in request body."),
    /** A create of less than 1 GiB (or without a size nor a source). */
    VOLUME_SIZE_INVALID(400, "badRequest", "Invalid input received: volume size must be an integer and greater than "
            + "0"),
    /** A create in an availability zone other than {@code nova}. */
    AVAILABILITY_ZONE_INVALID(400, "badRequest", "Invalid input received: Availability zone '{zone}' is invalid."),
    /** A clone smaller than its source volume. */
    VOLUME_SMALLER_THAN_SOURCE(400, "badRequest", "Invalid input received: Volume size '{size}'GB cannot be smaller "
            + "than original volume size '{source_size}'GB. They must be >= original volume size."),
    /** A create from an image that does not exist. */
    VOLUME_IMAGE_INVALID(400, "badRequest", "Invalid image identifier or unable to access requested image."),
    /** A create from a snapshot: the simulator has none. */
    SNAPSHOT_NOT_FOUND(404, "itemNotFound", "Snapshot {snapshot} could not be found."),
    /** A create from a backup: the simulator has none. */
    BACKUP_NOT_FOUND(404, "itemNotFound", "Backup {backup} could not be found."),
    /** A create in a consistency group: the simulator has none. */
    CONSISTENCY_GROUP_NOT_FOUND(404, "itemNotFound", "ConsistencyGroup {group} could not be found."),
    /** Cinder's refusal to delete a volume that is attached or busy. */
    VOLUME_BUSY(400, "badRequest", "Invalid volume: Volume status must be available or error or error_restoring or "
            + "error_extending or error_managing and must not be migrating, attached, belong to a group, have "
            + "snapshots or be disassociated from snapshots after volume transfer."),
    /** A list's {@code limit} that is not a count. */
    VOLUME_LIMIT_INVALID(400, "badRequest", "limit param must be an integer"),
    /** A bug behind the volume API. */
    VOLUME_INTERNAL_ERROR(500, "computeFault", "The server has either erred or is incapable of performing the "
            + "requested operation."),

    // ---------------------------------------------------------------- network (Neutron v2.0): type is the fault name

    /** A network that does not exist, or that the caller may not see. */
    NEUTRON_NETWORK_NOT_FOUND(Body.NEUTRON, 404, "NetworkNotFound", "Network {network} could not be found."),
    /** A subnet that does not exist, or that the caller may not see. */
    NEUTRON_SUBNET_NOT_FOUND(Body.NEUTRON, 404, "SubnetNotFound", "Subnet {subnet} could not be found."),
    /** A security group that does not exist, or that the caller may not see. */
    SECURITY_GROUP_NOT_FOUND(Body.NEUTRON, 404, "SecurityGroupNotFound", "Security group {group} does not exist"),
    /** A security group rule that does not exist, or that the caller may not see. */
    SECURITY_GROUP_RULE_NOT_FOUND(Body.NEUTRON, 404, "SecurityGroupRuleNotFound", "Security group rule {rule} does "
            + "not exist"),
    /** A rule the group has already. */
    SECURITY_GROUP_RULE_EXISTS(Body.NEUTRON, 409, "SecurityGroupRuleExists", "Security group rule already exists. "
            + "Rule id is {rule}."),
    /** The default group deleted by its project. */
    SECURITY_GROUP_DEFAULT_UNDELETABLE(Body.NEUTRON, 409, "SecurityGroupCannotRemoveDefault", "Insufficient rights "
            + "for removing default security group."),
    /** A second group named default. */
    SECURITY_GROUP_DEFAULT_EXISTS(Body.NEUTRON, 409, "SecurityGroupDefaultAlreadyExists", "Default security group "
            + "already exists."),
    /** A value outside an attribute's allowed ones. */
    NEUTRON_NOT_IN(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for {attribute}. Reason: '{value}' is not in "
            + "{allowed}."),
    /** A port number that is not one. */
    NEUTRON_PORT_INVALID(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for {attribute}. Reason: '{value}' is "
            + "not a valid port number."),
    /** A rule protocol Neutron does not know. */
    SECURITY_GROUP_PROTOCOL(Body.NEUTRON, 400, "SecurityGroupRuleInvalidProtocol", "Security group rule protocol "
            + "{protocol} not supported. Only protocol values {values} and integer representations [0 to 255] are "
            + "supported."),
    /** Ports without a protocol. */
    SECURITY_GROUP_PORTS_WITHOUT_PROTOCOL(Body.NEUTRON, 400, "SecurityGroupProtocolRequiredWithPorts", "Must also "
            + "specify protocol if port range is given."),
    /** A TCP or UDP range whose first port is past its last. */
    SECURITY_GROUP_PORT_RANGE(Body.NEUTRON, 400, "SecurityGroupInvalidPortRange", "For TCP/UDP protocols, "
            + "port_range_min must be <= port_range_max"),
    /** A network deleted while ports are on it. */
    NEUTRON_NETWORK_IN_USE(Body.NEUTRON, 409, "NetworkInUse", "Unable to complete operation on network {network}. "
            + "There are one or more ports still in use on the network."),
    /** A subnet deleted while ports hold addresses of it. */
    NEUTRON_SUBNET_IN_USE(Body.NEUTRON, 409, "SubnetInUse", "Unable to complete operation on subnet {subnet}: One or "
            + "more ports have an IP allocation from this subnet."),
    /** A subnet whose block overlaps another subnet of its network. */
    NEUTRON_SUBNET_OVERLAP(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: Requested subnet with "
            + "cidr: {cidr} for network: {network} overlaps with another subnet."),
    /** An MTU that is not an integer of at least 68. */
    NEUTRON_MTU_INVALID(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for mtu. Reason: '{value}' is too small "
            + "- must be at least '68'."),
    /** An MTU that is no integer. */
    NEUTRON_MTU_NOT_AN_INTEGER(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for mtu. Reason: '{value}' is not "
            + "an integer."),
    /** An ip_version other than 4 or 6. */
    NEUTRON_IP_VERSION_INVALID(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for ip_version. Reason: "
            + "{value} is not in [4, 6]."),
    /** A gateway_ip that is no IP address. */
    NEUTRON_GATEWAY_INVALID(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for gateway_ip. Reason: '{value}' "
            + "is not a valid IP address."),
    /** A boolean attribute that is no boolean. */
    NEUTRON_NOT_A_BOOLEAN(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for {attribute}. Reason: '{value}' "
            + "cannot be converted to boolean."),
    /** A cidr that is no IP block. */
    NEUTRON_INVALID_CIDR(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for cidr. Reason: '{cidr}' is not a "
            + "valid IP subnet."),
    /** A Neutron create beyond the project's quota: the resources over, as Python prints a sorted list. */
    NEUTRON_OVER_QUOTA(Body.NEUTRON, 409, "OverQuota", "Quota exceeded for resources: {overs}."),
    /** A Neutron quota policy that only admins pass, named as oslo.policy prints a rule check. */
    NEUTRON_QUOTA_POLICY(Body.NEUTRON, 403, "PolicyNotAuthorized", "rule:{rule} is disallowed by policy"),
    /** Another project's quota details, for a caller who is not an admin. */
    NEUTRON_ADMIN_REQUIRED(Body.NEUTRON, 403, "AdminRequired", "User does not have admin privileges: Only admin is "
            + "authorized to access quotas for another project."),
    /** A quota delete of a project that has no limits of its own. */
    NEUTRON_QUOTA_NOT_FOUND(Body.NEUTRON, 404, "TenantQuotaNotFound", "Quota for tenant {project} could not be "
            + "found."),
    /** A quota update with check_limit below what the project uses (and any -1: Neutron compares as numbers). */
    NEUTRON_QUOTA_BELOW_USAGE(Body.NEUTRON, 400, "HTTPBadRequest", "Quota limit {limit} for {resource} must be "
            + "greater than or equal to already used {usage}"),
    /** A delete of a security group some port is in. */
    SECURITY_GROUP_IN_USE(Body.NEUTRON, 409, "SecurityGroupInUse", "Security Group {group} in use."),
    /** A quota limit that is no integer (neutron-lib's convert_to_int). */
    NEUTRON_QUOTA_NOT_AN_INTEGER(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: '{value}' is not "
            + "an integer."),
    /** A quota limit below -1. */
    NEUTRON_QUOTA_TOO_SMALL(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for {resource}. Reason: '{value}' is "
            + "too small - must be at least '-1'."),
    /** A quota limit above the database's largest integer. */
    NEUTRON_QUOTA_TOO_LARGE(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for {resource}. Reason: '{value}' is "
            + "too large - must be no larger than '2147483647'."),
    /** A Neutron policy that only admins pass (a shared or external network, another's network deleted). */
    NEUTRON_POLICY(Body.NEUTRON, 403, "PolicyNotAuthorized", "({rule}) is disallowed by policy"),
    /** A value of a network or subnet that the simulator does not model (IPv6, DNS servers, pools...). */
    NEUTRON_ATTRIBUTE_NOT_SIMULATED(Body.NEUTRON, 501, "HTTPNotImplemented", "novasim does not simulate {what}"),
    /** A port that does not exist, or that the caller may not see. */
    NEUTRON_PORT_NOT_FOUND(Body.NEUTRON, 404, "PortNotFound", "Port {port} could not be found."),
    /** An extension by alias: none is advertised. */
    EXTENSION_NOT_FOUND(Body.NEUTRON, 404, "HTTPNotFound", "Extension with alias {alias} does not exist"),
    /** A body that is not JSON. */
    NEUTRON_MALFORMED_JSON(Body.NEUTRON, 400, "HTTPBadRequest", "Malformed JSON in request body."),
    /** A create without a body object. */
    RESOURCE_BODY_REQUIRED(Body.NEUTRON, 400, "HTTPBadRequest", "Resource body required"),
    /** A create without the resource's object ({@code port}). */
    RESOURCE_NOT_IN_BODY(Body.NEUTRON, 400, "HTTPBadRequest", "Unable to find '{resource}' in request body"),
    /** A create without a required attribute. */
    REQUIRED_ATTRIBUTE_MISSING(Body.NEUTRON, 400, "HTTPBadRequest", "Failed to parse request. Required attribute "
            + "'{attribute}' not specified"),
    /** A create with attributes Neutron does not know (listed, comma-separated). */
    UNRECOGNIZED_ATTRIBUTES(Body.NEUTRON, 400, "HTTPBadRequest", "Unrecognized attribute(s) '{attributes}'"),
    /** A string attribute that is not a string. */
    ATTRIBUTE_NOT_A_STRING(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for {attribute}. Reason: '{value}' is "
            + "not a valid string."),
    /** A create for another project, by a caller who is not an admin. */
    OTHER_PROJECT_NEEDS_ADMIN(Body.NEUTRON, 400, "HTTPBadRequest", "Specifying 'project_id' or 'tenant_id' other "
            + "than the authenticated project in request requires admin privileges"),
    /** {@code fixed_ips} that is not a list. */
    FIXED_IPS_MALFORMED(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for fixed_ips. Reason: Invalid data "
            + "format for fixed IP: '{value}'."),
    /** A fixed IP that is no IPv4 address. */
    FIXED_IP_NOT_AN_ADDRESS(Body.NEUTRON, 400, "HTTPBadRequest", "Invalid input for fixed_ips. Reason: '{address}' "
            + "is not a valid IP address."),
    /** A fixed IP outside the subnet (or the network's subnets). */
    IP_NOT_ON_SUBNET(Body.NEUTRON, 400, "HTTPBadRequest", "IP address {address} is not a valid IP for the specified "
            + "subnet."),
    /** A port created down: the simulator's ports are always up. */
    ADMIN_STATE_DOWN_UNSUPPORTED(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: admin_state_up "
            + "false is not supported by novasim."),
    /** A port created bound to a device: ports are bound through the compute API. */
    DEVICE_ON_CREATE_UNSUPPORTED(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: {attribute} on "
            + "create is not supported by novasim; attach the port through the compute API."),
    /** A port with more than one fixed IP: the simulator's ports have one. */
    ONE_FIXED_IP_ONLY(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: novasim gives a port at most "
            + "one fixed IP."),
    /** A fixed IP on a subnet the network does not have. */
    INVALID_SUBNET_FOR_PORT(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: Failed to create port on "
            + "network {network}, because fixed_ips included invalid subnet {subnet}."),
    /** A port on a network whose subnets have no free address left. */
    NEUTRON_NO_MORE_FIXED_IPS(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: No fixed IP addresses "
            + "available for network: {network}"),
    /** A port asking for a reserved address of its subnet (the network's, the gateway's or the broadcast). */
    NEUTRON_FIXED_IP_NOT_ON_NETWORK(Body.NEUTRON, 400, "InvalidInput", "Invalid input for operation: Invalid input "
            + "received: Fixed IP {ip} is not a valid ip address for network {network}."),
    /** A port asking for a fixed IP that is taken. */
    IP_ADDRESS_ALREADY_ALLOCATED(Body.NEUTRON, 409, "IpAddressAlreadyAllocated", "IP address {ip} already allocated "
            + "in subnet {subnet}"),
    /** A bug behind the network API. */
    NEUTRON_INTERNAL_ERROR(Body.NEUTRON, 500, "HTTPInternalServerError", "Request Failed: internal server error "
            + "while processing your request."),

    // ------------------------------------------------------------ image (Glance v2): webob's title is the fault name

    /** An image that does not exist. */
    GLANCE_IMAGE_NOT_FOUND(Body.WEBOB, 404, "Not Found", "No image found with ID {image}"),
    /** An upload to an image that is not queued (Glance's {@code InvalidImageStatusTransition}). */
    GLANCE_STATUS_TRANSITION(Body.WEBOB, 409, "Conflict", "Image status transition from {from} to {to} is not "
            + "allowed"),
    /** An upload to an image without one of its formats. */
    GLANCE_FORMAT_MISSING(Body.WEBOB, 400, "Bad Request", "Property {property} must be set prior to saving data."),
    /** An upload to an image without both of its formats. */
    GLANCE_FORMATS_MISSING(Body.WEBOB, 400, "Bad Request", "Properties {properties} must be set prior to saving "
            + "data."),
    /** A Glance policy the caller does not pass ({@code publicize_image}: admins only). */
    GLANCE_POLICY(Body.WEBOB, 403, "Forbidden", "You are not authorized to complete {action} action."),
    /** An image's min_disk or min_ram below 0 ({@code InvalidParameterValue}). */
    GLANCE_NEGATIVE(Body.WEBOB, 400, "Bad Request", "Invalid value '{value}' for parameter '{parameter}': Cannot be "
            + "a negative value"),
    /** A request body Glance's JSON deserializer cannot read. */
    GLANCE_MALFORMED_JSON(Body.WEBOB, 400, "Bad Request", "Malformed JSON in request body."),
    /** A request without the body it needs. */
    GLANCE_BODY_EXPECTED(Body.WEBOB, 400, "Bad Request", "Body expected in request."),
    /** An upload whose Content-Type is not application/octet-stream. */
    GLANCE_CONTENT_TYPE(Body.WEBOB, 415, "Unsupported Media Type", "Invalid content type {type}"),
    /** An image attribute the simulator keeps no state for. */
    GLANCE_ATTRIBUTE_NOT_SIMULATED(Body.WEBOB, 501, "Not Implemented", "novasim does not simulate {what}"),
    /** A create naming an attribute Glance sets itself. */
    GLANCE_READ_ONLY(Body.WEBOB, 403, "Forbidden", "Attribute '{attribute}' is read-only."),
    /** A create naming an attribute Glance keeps for itself. */
    GLANCE_RESERVED(Body.WEBOB, 403, "Forbidden", "Attribute '{attribute}' is reserved."),
    /** A create against Glance's image schema: jsonschema's first line as the reason. */
    GLANCE_SCHEMA(Body.WEBOB, 400, "Bad Request", "Provided object does not match schema 'image': {reason}"),
    /** A create with an id another image has. */
    GLANCE_DUPLICATE_ID(Body.WEBOB, 409, "Conflict", "Image ID {image} already exists!"),
    /** An upload to another project's image that the caller may see. */
    GLANCE_UPLOAD_FORBIDDEN(Body.WEBOB, 403, "Forbidden", "Not allowed to upload image data for image {image}"),
    /** A delete of an image the caller does not own (Glance's delete_image policy). */
    GLANCE_DELETE_FORBIDDEN(Body.WEBOB, 403, "Forbidden", "You are not permitted to delete this image."),
    /** An admin's delete of an image of the setup, which the simulator keeps as it started. */
    GLANCE_SETUP_IMAGE(Body.WEBOB, 501, "Not Implemented", "novasim does not simulate deleting an image of the "
            + "setup; images Nova made of servers can be deleted"),
    /** A list's {@code marker} that names no image. */
    IMAGE_MARKER_NOT_FOUND(Body.WEBOB, 400, "Bad Request", "Invalid marker. Image {marker} could not be found."),
    /** A list's negative {@code limit}. */
    IMAGE_LIMIT_NEGATIVE(Body.WEBOB, 400, "Bad Request", "limit param must be positive"),
    /** A list's {@code limit} that is not a number. */
    IMAGE_LIMIT_NOT_INTEGER(Body.WEBOB, 400, "Bad Request", "limit param must be an integer"),
    /** A bug behind the image API. */
    GLANCE_INTERNAL_ERROR(Body.WEBOB, 500, "Internal Server Error", "The server has either erred or is incapable of "
            + "performing the requested operation."),

    // ------------------------------------------------------------ identity (Keystone v3): the title is the fault name

    /** A token request without {@code auth.identity.methods}. */
    IDENTITY_MISSING(Body.KEYSTONE, 400, "Bad Request", "Expecting to find identity in auth. The server could not "
            + "comply with the request since it is either malformed or otherwise incorrect. The client is assumed "
            + "to be in error."),
    /** Validation or revocation of a token that is not valid. */
    TOKEN_NOT_FOUND(Body.KEYSTONE, 404, "Not Found", "Could not find token: {token}."),
    /** A project Keystone does not have, or one the caller may not see by that id. */
    PROJECT_NOT_FOUND(Body.KEYSTONE, 404, "Not Found", "Could not find project: {project}."),
    /** A Keystone policy the caller's roles do not pass ({@code ForbiddenAction}). */
    KEYSTONE_FORBIDDEN(Body.KEYSTONE, 403, "Forbidden", "You are not authorized to perform the requested action: "
            + "{action}."),

    // ---------------------------------------------------------------- the control plane (/__sim/v1)

    /** A valid token that is neither an admin's nor the control token. */
    CONTROL_FORBIDDEN(Body.KEYSTONE, 403, "Forbidden", "The control plane is for an admin or the control token."),
    /** A removal of a fault rule the plan does not have. */
    NO_SUCH_FAULT_RULE(404, "itemNotFound", "No fault rule {rule}"),
    /** A fault rule whose id the plan has already. */
    FAULT_RULE_EXISTS(409, "conflictingRequest", "a fault rule named {rule} exists already"),
    /** A fault rule that is not a JSON object. */
    FAULT_RULE_NOT_AN_OBJECT(400, "badRequest", "A fault rule is a JSON object with match, effect and trigger."),
    /** A fault rule's server name pattern that does not compile. */
    SERVER_NAME_NOT_A_PATTERN(400, "badRequest", "match.server_name is not a regular expression: {reason}"),
    /** A fault rule's operation that the simulator does not have. */
    UNKNOWN_OPERATION(400, "badRequest", "Unknown operation '{name}'; one of {operations}"),
    /** A fault rule's effect of no known type. */
    UNKNOWN_EFFECT_TYPE(400, "badRequest", "effect.type must be one of error, delay, stuck, fail, slow_answer, "
            + "transport, outage, answer; got '{type}'"),
    /** A fault rule whose match, effect and trigger do not go together (the reason names which and why). */
    INVALID_RULE(400, "badRequest", "Invalid rule: {reason}"),
    /** A fault rule's match with a key it does not take, or a service or operation there is not. */
    INVALID_MATCH(400, "badRequest", "Invalid match: {reason}"),
    /** A fault rule's effect that its type refuses (the reason is the effect's). */
    INVALID_EFFECT(400, "badRequest", "Invalid effect: {reason}"),
    /** A fault rule's trigger that refuses its values (the reason is the trigger's). */
    INVALID_TRIGGER(400, "badRequest", "Invalid trigger: {reason}"),
    /** A duration in seconds that is not a number. */
    SECONDS_NOT_A_NUMBER(400, "badRequest", "seconds must be a number"),
    /** A clock advance without a non-negative number of seconds. */
    SECONDS_REQUIRED(400, "badRequest", "Give {\"seconds\": <non-negative number>}"),
    /** Following the wall clock asked of a simulator whose clock does not run by itself. */
    CLOCK_DOES_NOT_FOLLOW(409, "conflictingRequest", "This simulator's clock does not follow the wall clock (its "
            + "mode is not wall): change its mode with PATCH /__sim/v1/settings"),
    /** A clock mode, or a change of settings, that cannot be applied (the reason names the field). */
    INVALID_SETTINGS(400, "badRequest", "Invalid settings: {reason}"),
    /** A forced state without a vm_state. */
    VM_STATE_REQUIRED(400, "badRequest", "Give {\"vm_state\": \"active\" | \"error\"}"),
    /** A forced state other than active or error. */
    STATE_NOT_FORCEABLE(400, "badRequest", "a server can be forced to active or error, not {vm_state}"),
    /** A snapshot asked of a simulator whose event log dropped events: the state can no longer be rebuilt. */
    EVENT_LOG_TRUNCATED(409, "conflictingRequest", "The event log dropped {count} old events, so this state can no "
            + "longer be rebuilt; start the simulator with a larger event log capacity."),
    /** A restore of a document that is no snapshot. */
    NOT_A_SNAPSHOT(400, "badRequest", "Not a novasim snapshot: expected \"format\": \"{format}\""),
    /** A restore of a snapshot taken with another seed. */
    SNAPSHOT_SEED_MISMATCH(400, "badRequest", "The snapshot was taken with seed {snapshot_seed}; this simulator runs "
            + "with seed {seed}"),
    /** A snapshot's count of request ids that is no count. */
    SNAPSHOT_COUNT_INVALID(400, "badRequest", "{field} is not a count: {value}"),
    /** A snapshot's history entry of no known type. */
    UNKNOWN_HISTORY_TYPE(400, "badRequest", "{entry}.type is not one of command, fault_added, fault_removed, "
            + "released"),
    /** A snapshot's history entry that cannot be read (the reason is the reader's). */
    UNREADABLE_HISTORY_ENTRY(400, "badRequest", "{entry} cannot be read: {reason}"),
    /** A snapshot's command of no known kind. */
    UNKNOWN_COMMAND(400, "badRequest", "Unknown command {command}");

    /** The shape of the body a refusal is answered in, which says what its fault name is. */
    public enum Body {
        /** Nova's (and Cinder's, and the control plane's) {@code {"<faultName>": {"code", "message"}}}. */
        FAULT,
        /** {@code {"NeutronError": {"type", "message", "detail"}}}: the fault name is the type. */
        NEUTRON,
        /** Keystone's {@code {"error": {"code", "title", "message"}}}: the fault name is the title. */
        KEYSTONE,
        /** webob's {@code {"message", "code": "404 Not Found", "title"}} (Glance's): the fault name is the title. */
        WEBOB,
        /** Plain text, the message alone. */
        TEXT
    }

    /**
     * Why a body or a query fails a JSON schema: jsonschema's messages, which Nova passes on as the {@code reason} of
     * {@link #INVALID_INPUT}, {@link #INVALID_BODY} and {@link #INVALID_QUERY_PARAMETER}. Values are written as Python
     * prints them ({@code 'web'}, {@code None}).
     */
    public enum Reason {
        /** A property the schema requires is missing. */
        REQUIRED("'{property}' is a required property"),
        /** A value of a type the schema does not allow (the types quoted and comma-separated). */
        NOT_OF_TYPE("{value} is not of type {types}"),
        /** One property the schema does not have. */
        ADDITIONAL_PROPERTY("Additional properties are not allowed ({property} was unexpected)"),
        /** Several properties the schema does not have (quoted and comma-separated). */
        ADDITIONAL_PROPERTIES("Additional properties are not allowed ({properties} were unexpected)"),
        /** A string below its minimum length. */
        TOO_SHORT("{value} is too short"),
        /** An object with fewer properties than the schema's minimum. */
        TOO_FEW_PROPERTIES("{value} does not have enough properties"),
        /** An object with more properties than the schema's maximum. */
        TOO_MANY_PROPERTIES("{value} has too many properties"),
        /** Properties that no pattern of the schema's {@code patternProperties} matches (quoted, sorted). */
        NO_PATTERN_MATCHES("{properties} {verb} not match any of the regexes: {patterns}"),
        /** A string above its maximum length. */
        TOO_LONG("{value} is too long"),
        /** A string that is no UUID. */
        NOT_A_UUID("{value} is not a 'uuid'"),
        /** A string that is no IPv4 address. */
        NOT_AN_IPV4("{value} is not a 'ipv4'"),
        /** A string the schema's pattern does not match. */
        NO_MATCH("{value} does not match '{pattern}'"),
        /** A value outside the schema's enumeration (a Python list). */
        NOT_ONE_OF("{value} is not one of {allowed}"),
        /** A number below the schema's minimum. */
        BELOW_MINIMUM("{value} is less than the minimum of {minimum}"),
        /** A number above the schema's maximum. */
        ABOVE_MAXIMUM("{value} is greater than the maximum of {maximum}"),
        /** A count above what the simulator makes in one request (Nova's limit is its quota). */
        ABOVE_NOVASIM_MAXIMUM("{value} is greater than the maximum of {maximum} (novasim's limit for one request)");

        private final Template template;

        Reason(String template) {
            this.template = new Template(template);
        }

        /** The reason with {@code args} in its placeholders, in order. */
        public String text(Object... args) {
            return template.fill("Reason." + name(), args);
        }

        /** The reason as written, with its placeholders: {@code {value} is too short}. */
        public String template() {
            return template.text();
        }
    }

    private final Body body;
    private final int status;
    private final String faultName;
    private final Template template;

    /** A refusal in Nova's fault shape. */
    Refusal(int status, String faultName, String template) {
        this(Body.FAULT, status, faultName, template);
    }

    Refusal(Body body, int status, String faultName, String template) {
        this.body = body;
        this.status = status;
        this.faultName = faultName;
        this.template = new Template(template);
    }

    /** The shape of the body it is made for, which says what {@link #faultName()} names. */
    public Body body() {
        return body;
    }

    /** The HTTP status it is answered with (0 for {@link #FAULT_RULE_ERROR}, whose rule gives it). */
    public int status() {
        return status;
    }

    /**
     * The name its body gives the fault: Nova's and Cinder's key ({@code conflictingRequest}), Neutron's type
     * ({@code PortNotFound}), Keystone's and webob's title ({@code Not Found}); null for {@link #FAULT_RULE_ERROR}.
     */
    public String faultName() {
        return faultName;
    }

    /** The message as written, with its placeholders: {@code Instance {server} is locked}. */
    public String template() {
        return template.text();
    }

    /** The placeholders' names, in the order {@link #message} takes its arguments. */
    public List<String> placeholders() {
        return template.placeholders();
    }

    /**
     * The message with {@code args} in its placeholders, in order.
     *
     * @throws IllegalArgumentException when there are not exactly as many arguments as placeholders
     */
    public String message(Object... args) {
        return template.fill(name(), args);
    }

    /**
     * The refusal as the exception the core throws, with {@code args} in the message's placeholders: of the class its
     * status names ({@link Conflict} for a 409, {@link ApiError} for a status without a class of its own).
     *
     * @throws IllegalArgumentException when there are not exactly as many arguments as placeholders
     * @throws IllegalStateException    for {@link #FAULT_RULE_ERROR}, which {@link ApiError#ofFaultRule} makes
     */
    public ComputeException exception(Object... args) {
        if (status == 0) {
            throw new IllegalStateException(name() + " takes its code from a fault rule: ApiError.ofFaultRule makes it");
        }
        String message = message(args);
        return switch (status) {
            case 400 -> new BadRequest(this, message);
            case 403 -> new Forbidden(this, message);
            case 404 -> new ItemNotFound(this, message);
            case 409 -> new Conflict(this, message);
            case 500 -> new ComputeFault(this, message);
            case 503 -> new ServiceUnavailable(this, message);
            default -> new ApiError(this, status, faultName, message);
        };
    }
}
