package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.deepgrad.nn.Parameter;

/**
 * One item of {@code optimizer.groups}: which parameters, and their own lr and/or weight decay
 * (null: the optimizer's). A selector is a role, {@code weight}, {@code bias} or {@code norm}
 * (BatchNorm/LayerNorm scales and shifts), or a glob over parameter names such as {@code 0.*} or
 * {@code *.bias} ({@code *} any text, {@code ?} one character). A parameter belongs to the first
 * group with a matching selector.
 *
 * <pre>{params: [bias, norm], weight_decay: 0}</pre>
 */
public record GroupConfig(List<String> params, Double lr, Double weightDecay) {
  /** The role selectors. */
  public static final List<String> ROLES = List.of("weight", "bias", "norm");
  static final List<String> KEYS = List.of("params", "lr", "weight_decay");

  /** Copies the selectors. */
  public GroupConfig {
    params = List.copyOf(params);
  }

  /** Whether the parameter {@code name} with {@code role} is selected by this group. */
  public boolean matches(String name, Parameter.Role role) {
    for (String p : params) {
      if (ROLES.contains(p) ? role.name().equalsIgnoreCase(p) : glob(p).matcher(name).matches()) return true;
    }
    return false;
  }

  static GroupConfig read(ConfigNode n) {
    n.allowOnly(KEYS);
    JsonNode v = n.raw("params");
    List<String> params = new ArrayList<>();
    if (v != null && v.isTextual()) params.add(v.asText());
    else if (v != null && v.isArray()) for (JsonNode p : v) params.add(p.isTextual() ? p.asText() : "");
    if (params.isEmpty() || params.stream().anyMatch(String::isBlank)) {
      throw n.bad("params", "name the parameters: weight, bias, norm or a glob over parameter names such as "
          + "'*.bias', or a list of these");
    }
    params.replaceAll(p -> ROLES.contains(p.toLowerCase(Locale.ROOT)) ? p.toLowerCase(Locale.ROOT) : p);
    if (!n.has("lr") && !n.has("weight_decay")) {
      throw new RunException(n.describe("params") + ": the group sets neither lr nor weight_decay; give one.");
    }
    Double lr = n.has("lr") ? n.number("lr", 0, Range.atLeast(0)) : null;
    Double wd = n.has("weight_decay") ? n.number("weight_decay", 0, Range.atLeast(0)) : null;
    return new GroupConfig(params, lr, wd);
  }

  private static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') re.append(".*");
      else if (c == '?') re.append('.');
      else re.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }
}
