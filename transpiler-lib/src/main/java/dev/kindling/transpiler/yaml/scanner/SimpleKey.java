/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
// Derived from snakeyaml-engine 2.9 (org.snakeyaml.engine.v2.scanner.SimpleKey),
// Copyright (c) 2018, SnakeYAML, licensed under the Apache License, Version 2.0;
// modified by the Kindling developers (see NOTICE; changes are marked "go-yaml:").
package dev.kindling.transpiler.yaml.scanner;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Simple keys treatment.
 * <p>
 * Helper class for {@link ScannerImpl}.
 * </p>
 */
final class SimpleKey {

  private final int tokenNumber;
  private final boolean required;
  private final int index;
  private final int line;
  private final int column;
  private final Optional<Mark> mark;

  public SimpleKey(int tokenNumber, boolean required, int index, int line, int column,
      Optional<Mark> mark) {
    this.tokenNumber = tokenNumber;
    this.required = required;
    this.index = index;
    this.line = line;
    this.column = column;
    this.mark = mark;
  }

  public int getTokenNumber() {
    return this.tokenNumber;
  }

  public int getColumn() {
    return this.column;
  }

  public Optional<Mark> getMark() {
    return mark;
  }

  public int getIndex() {
    return index;
  }

  public int getLine() {
    return line;
  }

  public boolean isRequired() {
    return required;
  }

  @Override
  public String toString() {
    return "SimpleKey - tokenNumber=" + tokenNumber + " required=" + required + " index=" + index
        + " line=" + line + " column=" + column;
  }
}
