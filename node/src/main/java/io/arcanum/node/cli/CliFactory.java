package io.arcanum.node.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates picocli command objects, handing the {@link CliContext} to those whose constructor takes
 * it, so CLI commands get their streams and home by injection rather than from globals.
 */
public final class CliFactory implements CommandLine.IFactory {
  private final CliContext context;

  public CliFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == CliContext.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(context));
      }
    }
    return CommandLine.defaultFactory().create(type);
  }
}
