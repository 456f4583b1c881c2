package org.citylinks.devdata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether dev and test builds load the news cases ({@link DevDataLoader}); bin/dev sets it. */
@ConfigMapping(prefix = "citylinks.dev-data")
public interface DevDataSettings {

    @WithDefault("false")
    boolean load();
}
