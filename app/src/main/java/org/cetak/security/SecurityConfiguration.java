package org.cetak.security;

import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. The console signs in with a form; the REST API under {@code /api} takes HTTP
 * Basic and no CSRF token. Roles come from {@link org.cetak.office.Role}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/actuator/health/**",
                        "/error",
                        "/cek-status",
                        "/sms/reports/kannel")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
    return http.build();
  }

  @Bean
  UserDetailsService userDetailsService(OfficeDirectory directory) {
    return username -> {
      User user =
          directory
              .user(username)
              .orElseThrow(() -> new UsernameNotFoundException("No such user: " + username));
      return org.springframework.security.core.userdetails.User.withUsername(user.username())
          .password(user.passwordHash())
          .disabled(!user.enabled())
          .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
          .build();
    };
  }
}
