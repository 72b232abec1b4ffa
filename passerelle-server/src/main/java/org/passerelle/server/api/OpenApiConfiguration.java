package org.passerelle.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at /api/v1/openapi.json. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI passerelleOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Passerelle node API").version("v1")
                        .description("Personal API tokens (Authorization: Bearer psl_...) carry their owner's role."))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
