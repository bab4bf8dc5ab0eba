package io.novasim.http.compute;

import io.novasim.http.support.Call;
import io.novasim.state.Cloud;
import io.novasim.state.ServerReadout;

import java.util.Map;

/**
 * How a dialect spells the server resource of {@code GET /servers/{id}} and {@code GET /servers/detail}: a function of
 * Nova's own view of the same server (built by {@link ServerView} from the core's state), so that a dialect only
 * renames, respells and adds fields and never restates a rule of the core.
 */
@FunctionalInterface
interface DialectServerShape {
    /** Nova's shapes, unchanged. */
    DialectServerShape NOVA = (call, cloud, readout, novaView) -> novaView;

    /**
     * @param call     the call, for the base URL and the caller
     * @param cloud    the engine, for what Nova's view does not hold (e.g. bare-metal media)
     * @param readout  the server as the view was made from it
     * @param novaView Nova's view of the server at the call's microversion (the dialect may change it in place)
     * @return the dialect's view
     */
    Map<String, Object> shape(Call call, Cloud cloud, ServerReadout readout, Map<String, Object> novaView);
}
