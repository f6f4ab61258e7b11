/**
 * How Herald is run and watched: the log format ({@code HERALD_LOG_FORMAT}) and the db-scheduler instance that runs
 * every background job on Postgres. Health, probes and metrics are Spring
 * Boot Actuator's, guarded by {@code herald.web.security.ActuatorSecurity}.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package herald.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
