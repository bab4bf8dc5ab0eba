package io.novasim.http;

import io.javalin.http.HandlerType;
import io.javalin.http.servlet.DefaultTasks;
import io.javalin.http.servlet.JavalinServlet;
import io.javalin.http.servlet.JavalinServletContext;
import io.javalin.http.servlet.SubmitOrder;
import io.javalin.http.servlet.Task;
import io.javalin.http.servlet.TaskInitializer;
import io.javalin.router.ParsedEndpoint;
import kotlin.Unit;
import kotlin.jvm.functions.Function2;

import java.util.List;

/**
 * Javalin's endpoint stage, matching the path once: Javalin's own matches every request's path a second time to find
 * the endpoint's roles, which the simulator does not use (it authenticates in its handlers). A path no endpoint
 * matches goes to Javalin's own stage, which answers it as before (404, 405, HEAD of a GET).
 */
final class RouteOnceTask implements TaskInitializer<JavalinServletContext> {
    /**
     * The stages every request goes through: the endpoint, then the error handlers. The simulator registers no
     * before or after handlers, so their stages (which look for some on every request) are left out; add them back
     * with the first such handler ({@link #checkStages} stops the app from starting until then).
     */
    static List<TaskInitializer<JavalinServletContext>> lifecycle() {
        return List.of(new RouteOnceTask(), DefaultTasks.INSTANCE.getERROR());
    }

    /** Refuses handlers of the stages {@link #lifecycle} leaves out, which would otherwise never run. */
    static void checkStages(List<ParsedEndpoint> handlers) {
        for (ParsedEndpoint handler : handlers) {
            HandlerType type = handler.getEndpoint().getMethod();
            if (type == HandlerType.BEFORE || type == HandlerType.BEFORE_MATCHED || type == HandlerType.AFTER
                    || type == HandlerType.AFTER_MATCHED) {
                throw new IllegalStateException("a " + type + " handler on " + handler.getEndpoint().getPath()
                        + " would never run: RouteOnceTask's lifecycle leaves that stage out");
            }
        }
    }

    @Override
    public void createTasks(Function2<? super SubmitOrder, ? super Task, Unit> submit, JavalinServlet servlet,
                            JavalinServletContext ctx, String requestUri) {
        ParsedEndpoint endpoint = servlet.getRouter().findHttpHandlerEntries(ctx.method(), requestUri).findFirst()
                .orElse(null);
        if (endpoint == null) {
            DefaultTasks.INSTANCE.getHTTP().createTasks(submit, servlet, ctx, requestUri);
            return;
        }
        submit.invoke(SubmitOrder.LAST, new Task(true, () -> {
            endpoint.handle(ctx, requestUri);
            return Unit.INSTANCE;
        }));
    }
}
