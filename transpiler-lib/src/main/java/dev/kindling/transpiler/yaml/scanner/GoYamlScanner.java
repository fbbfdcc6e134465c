/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
// Derived from snakeyaml-engine 2.9 (org.snakeyaml.engine.v2.scanner.ScannerImpl),
// Copyright (c) 2018, SnakeYAML, licensed under the Apache License, Version 2.0;
// modified by the Kindling developers (see NOTICE; changes are marked "go-yaml:").
package dev.kindling.transpiler.yaml.scanner;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ArrayStack;
import org.snakeyaml.engine.v2.common.CharConstants;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.common.UriEncoder;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import dev.kindling.transpiler.yaml.scanner.GoYamlScanner.Chomping.Indicator;
import org.snakeyaml.engine.v2.scanner.Scanner;
import org.snakeyaml.engine.v2.tokens.AliasToken;
import org.snakeyaml.engine.v2.tokens.AnchorToken;
import org.snakeyaml.engine.v2.tokens.BlockEndToken;
import org.snakeyaml.engine.v2.tokens.BlockEntryToken;
import org.snakeyaml.engine.v2.tokens.BlockMappingStartToken;
import org.snakeyaml.engine.v2.tokens.BlockSequenceStartToken;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.DirectiveToken;
import org.snakeyaml.engine.v2.tokens.DocumentEndToken;
import org.snakeyaml.engine.v2.tokens.DocumentStartToken;
import org.snakeyaml.engine.v2.tokens.FlowEntryToken;
import org.snakeyaml.engine.v2.tokens.FlowMappingEndToken;
import org.snakeyaml.engine.v2.tokens.FlowMappingStartToken;
import org.snakeyaml.engine.v2.tokens.FlowSequenceEndToken;
import org.snakeyaml.engine.v2.tokens.FlowSequenceStartToken;
import org.snakeyaml.engine.v2.tokens.KeyToken;
import org.snakeyaml.engine.v2.tokens.ScalarToken;
import org.snakeyaml.engine.v2.tokens.StreamEndToken;
import org.snakeyaml.engine.v2.tokens.StreamStartToken;
import org.snakeyaml.engine.v2.tokens.TagToken;
import org.snakeyaml.engine.v2.tokens.TagTuple;
import org.snakeyaml.engine.v2.tokens.Token;
import org.snakeyaml.engine.v2.tokens.ValueToken;

/**
 * snakeyaml-engine's scanner, changed to read YAML by the rules of Butane's YAML library (go-yaml
 * v3, a YAML 1.1 reader), so that the same documents are accepted, refused and positioned.
 *
 * <p>Why a modified copy: snakeyaml-engine's scanner is final, reads through a reader that is
 * quadratic on long tokens, and hard-codes YAML 1.2 rules that no setting changes (tabs, line
 * breaks, escapes, anchor names). The parser and events stay snakeyaml-engine's own: this class
 * is handed to its {@code ParserImpl}. Every change from the original is marked "go-yaml:".
 *
 * <pre>
 * Scanner produces tokens of the following types:
 * STREAM-START
 * STREAM-END
 * COMMENT
 * DIRECTIVE(name, value)
 * DOCUMENT-START
 * DOCUMENT-END
 * BLOCK-SEQUENCE-START
 * BLOCK-MAPPING-START
 * BLOCK-END
 * FLOW-SEQUENCE-START
 * FLOW-MAPPING-START
 * FLOW-SEQUENCE-END
 * FLOW-MAPPING-END
 * BLOCK-ENTRY
 * FLOW-ENTRY
 * KEY
 * VALUE
 * ALIAS(value)
 * ANCHOR(value)
 * TAG(value)
 * SCALAR(value, plain, style)
 * Read comments in the Scanner code for more details.
 * </pre>
 */
public final class GoYamlScanner implements Scanner {

  private static final String DIRECTIVE_PREFIX = "while scanning a directive";
  private static final String EXPECTED_ALPHA_ERROR_PREFIX =
      "expected alphabetic or numeric character, but found ";
  private static final String SCANNING_SCALAR = "while scanning a block scalar";
  private static final String SCANNING_PREFIX = "while scanning a ";
  /** Whether {@code s} holds a character that is not a hexadecimal digit (0-9, A-F, a-f). */
  private static boolean hasNonHexDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f')) {
        return true;
      }
    }
    return false;
  }

  private final WholeInputReader reader;
  // List of processed tokens that are not yet emitted.
  private final List<Token> tokens;
  // Past indentation levels.
  private final ArrayStack<Integer> indents;
  /*
   * Keep track of possible simple keys. This is a dictionary. The key is `flow_level`; there can be
   * no more than one possible simple key for each level. The value is a SimpleKey record:
   * (token_number, required, index, line, column, mark) A simple key may start with ALIAS, ANCHOR,
   * TAG, SCALAR(flow), '[', or '{' tokens.
   */
  private final Map<Integer, SimpleKey> possibleSimpleKeys;

  /**
   * go-yaml's index of simple keys by their token's number, which its look-ahead consults: the
   * flow level whose key a token was saved as. As in go-yaml, an entry goes when its key is
   * removed, taken as a key, or its level closes, but stays when the key is only found to be no
   * longer possible; the look-ahead then looks at whatever key that level holds now.
   */
  private final Map<Integer, Integer> keyLevelByToken = new HashMap<>();

  /** Per open flow level, the token number go-yaml's slot for it holds (its last key's). */
  private final Map<Integer, Integer> slotTokenByLevel = new HashMap<>();
  /** The most code points a document may have (LoadSettings' code point limit). */
  private final int codePointLimit;
  /** Whether comments become tokens (LoadSettings' parseComments). */
  private final boolean parseComments;
  // Had we reached the end of the stream?
  private boolean done = false;

  /**
   * Where the input ended, when it ended inside a line: Butane's YAML library then moves its
   * position to the start of the next line before it makes the tokens that close the stream, so
   * the line it names for an error at one of those tokens is one further (see {@link #goYamlLine}).
   * -1 while the end has not been reached, or when the input ends with a line break.
   */
  private int endInsideLineIndex = -1;
  /** go-yaml's mark of the end of the stream (see {@link #goStreamEndMark}), once reached. */
  private Optional<Mark> goStreamEnd;
  // The number of unclosed '{' and '['. `isBlockContext()` means block context.
  private int flowLevel = 0;
  // The last added token
  private Token lastToken;
  /** go-yaml's scan mark of the current gap between tokens (see {@link #fetchMoreTokens}). */
  private Optional<Mark> gapScanMark;
  /** go-yaml's comment records of the current gap, which can move the BLOCK-END tokens of a dedent. */
  private final GoCommentRecords gapComments = new GoCommentRecords();

  // Variables related to simple keys treatment.
  // Number of tokens that were emitted through the `get_token` method.
  private int tokensTaken = 0;
  // The current indentation level.
  private int indent = -1;
  /**
   * <pre>
   * A simple key is a key that is not denoted by the '?' indicator.
   * Example of simple keys:
   *   ---
   *   block simple key: value
   *   ? not a simple key:
   *   : { flow simple key: value }
   * We emit the KEY token before all keys, so when we find a potential
   * simple key, we try to locate the corresponding ':' indicator.
   * Simple keys should be limited to a single line and 1024 characters.
   *
   * Can a simple key start at the current position? A simple key may
   * start:
   * - at the beginning of the line, not counting indentation spaces
   *       (in block context),
   * - after '{', '[', ',' (in the flow context),
   * - after '?', ':', '-' (in the block context).
   * In the block context, this flag also signifies if a block collection
   * may start at the current position.
   * </pre>
   */
  private boolean allowSimpleKey = true;


  /** Tokens after which go-yaml reads no line comment (see {@link #scanToNextToken}). */
  private static final java.util.Set<Token.ID> LINE_COMMENTLESS = java.util.EnumSet.of(Token.ID.BlockEntry,
      Token.ID.StreamStart, Token.ID.DocumentStart, Token.ID.DocumentEnd, Token.ID.Directive);

  /** go-yaml's bound on flow levels and, separately, on block indentation levels. */
  public static final int GO_YAML_MAX_DEPTH = 10_000;

  /** The bound on flow levels and on indentation levels (see {@link #GO_YAML_MAX_DEPTH}). */
  private final int maxDepth;

  /** How many indentation levels {@link #indents} holds (go-yaml's bound counts them). */
  private int indentLevels;

  /**
   * The mark of the last simple key saved in block context. go-yaml keeps it in its level-0
   * key slot after the key is taken or dropped, and names it as the context of an
   * indentation-depth error, whatever token deepens the indentation.
   */
  private Optional<Mark> lastBlockKeyMark;

  /**
   * A scanner over the whole of {@code text}.
   *
   * @param settings - configurable options (label, code point limit)
   * @param text - the input
   */
  public GoYamlScanner(LoadSettings settings, String text) {
    this(settings, text, 0, -1, false);
  }

  /**
   * A scanner over {@code text}, which came from {@code offset} bytes into the input (after a
   * byte order mark) and was encoded in UTF-16 when {@code utf16} is set, in UTF-8 otherwise;
   * {@code badByte} is the offset of the input byte with which go-yaml's reader notices that the
   * encoding is broken (then {@code text} ends before the broken part), or -1. As in go-yaml, an
   * encoding problem or a control character is an error only when the scanner reads near that
   * place.
   *
   * @param settings - configurable options (label, code point limit)
   * @param text - the input
   * @param offset - bytes of the input before {@code text}
   * @param badByte - see above, or -1
   * @param utf16 - whether the input was UTF-16
   */
  public GoYamlScanner(LoadSettings settings, String text, int offset, int badByte, boolean utf16) {
    this(settings.getLabel(), settings.getCodePointLimit(), settings.getParseComments(), text, offset, badByte,
        utf16);
  }

  /**
   * As {@link #GoYamlScanner(LoadSettings, String, int, int, boolean)}, with the three settings
   * the scanner reads given as they are, so that a caller need not build a LoadSettings (which
   * costs a cold run the start-up of lambdas and a compiled schema).
   *
   * @param label - the name of the input in marks
   * @param codePointLimit - the most code points a document may have
   * @param parseComments - whether comments become tokens
   * @param text - the input
   * @param offset - bytes of the input before {@code text}
   * @param badByte - the offset of the input byte with which go-yaml notices a broken encoding, or -1
   * @param utf16 - whether the input was UTF-16
   */
  public GoYamlScanner(String label, int codePointLimit, boolean parseComments, String text, int offset,
      int badByte, boolean utf16) {
    this(label, codePointLimit, GO_YAML_MAX_DEPTH, parseComments, text, offset, badByte, utf16);
  }

  /**
   * As {@link #GoYamlScanner(String, int, boolean, String, int, int, boolean)}, with another bound
   * than go-yaml's on flow levels and on indentation levels.
   *
   * @param maxDepth - the most flow levels, and the most indentation levels, a document may open
   */
  public GoYamlScanner(String label, int codePointLimit, int maxDepth, boolean parseComments, String text,
      int offset, int badByte, boolean utf16) {
    this.maxDepth = maxDepth;
    this.reader = new WholeInputReader(label, text, offset, badByte, utf16);
    this.codePointLimit = codePointLimit;
    this.parseComments = parseComments;
    this.tokens = new ArrayList<>(100);
    this.indents = new ArrayStack<>(10);
    this.possibleSimpleKeys = new HashMap<>();
    this.lastBlockKeyMark = reader.getMark();
    fetchStreamStart();// Add the STREAM-START token.
  }

  /**
   * Check whether the next token is the given type.
   */
  @Override
  public boolean checkToken(Token.ID choice) {
    while (needMoreTokens()) {
      fetchMoreTokens();
    }
    if (!this.tokens.isEmpty()) {
      return this.tokens.get(0).getTokenId() == choice;
    }
    return false;
  }

  /**
   * Check whether the next token is one of the given types.
   */
  @Override
  public boolean checkToken(Token.ID... choices) {
    while (needMoreTokens()) {
      fetchMoreTokens();
    }
    if (!this.tokens.isEmpty()) {
      if (choices.length == 0) {
        return true;
      }
      // since profiler puts this method on top (it is used a lot), we
      // should not use 'foreach' here because of the performance reasons
      Token firstToken = this.tokens.get(0);
      Token.ID first = firstToken.getTokenId();
      for (int i = 0; i < choices.length; i++) {
        if (first == choices[i]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Return the next token, but do not delete it from the queue.
   */
  public Token peekToken() {
    while (needMoreTokens()) {
      fetchMoreTokens();
    }
    return this.tokens.get(0);
  }

  @Override
  public boolean hasNext() {
    return checkToken();
  }

  /**
   * Return the next token, removing it from the queue.
   */
  public Token next() {
    this.tokensTaken++;
    if (this.tokens.isEmpty()) {
      throw new NoSuchElementException("No more Tokens found.");
    } else {
      return this.tokens.remove(0);
    }
  }

  // Private methods.

  private void addToken(Token token) {
    lastToken = token;
    this.tokens.add(token);
  }

  /**
   * Inserts a token {@code index} places after the head of the queue. A negative place (a key
   * whose token the parser has already taken: go-yaml's look-ahead can let one go) appends the
   * token at the end, as go-yaml's queue does.
   */
  private void addToken(int index, Token token) {
    if (index < 0 || index >= this.tokens.size()) {
      lastToken = token;
      this.tokens.add(token);
      return;
    }
    this.tokens.add(index, token);
  }

  private void addAllTokens(List<Token> tokens) {
    lastToken = tokens.get(tokens.size() - 1);
    this.tokens.addAll(tokens);
  }

  private boolean isBlockContext() {
    return this.flowLevel == 0;
  }

  private boolean isFlowContext() {
    return !isBlockContext();
  }

  /**
   * Returns true if more tokens should be scanned.
   */
  private boolean needMoreTokens() {
    // If we are done, we do not require more tokens. (go-yaml makes more STREAM-END tokens while
    // its look-ahead asks for them, which changes nothing but that it checks the head token's
    // key once more, now from the start of the next line: a required key fails there.)
    if (this.done) {
      headKeyStillPossible();
      return false;
    }
    // go-yaml keeps at least three tokens queued before it hands one to its parser (its
    // comment handling looks two tokens ahead), so a scanner error up to two tokens after a
    // parser error is the one reported
    if (this.tokens.size() < 3) {
      return true;
    }
    // If the token at the head may still be a simple key, look further to decide. Only that
    // key is checked here, as go-yaml does: a required key on an earlier line fails when the
    // scanner next makes a token at its level, not as soon as the scanner has left its line,
    // so the parser can still meet an earlier error (an unknown alias, say) first.
    return headKeyStillPossible();
  }

  /** Whether the key that go-yaml's look-ahead finds for the head token can still be one. */
  private boolean headKeyStillPossible() {
    Integer level = keyLevelByToken.get(this.tokensTaken);
    return level != null && stillPossible(level);
  }

  /**
   * Whether the possible simple key of a flow level can still be one when it is looked at: it
   * must be on the line the scanner is on, at most 1,024 characters back. One that cannot is no
   * longer possible, and if it was required, that is an error.
   */
  private boolean stillPossible(int level) {
    SimpleKey key = possibleSimpleKeys.get(level);
    if (key == null) {
      return false;
    }
    // at the end of an input whose last line has no break, go-yaml's position is on the next line
    int line = reader.getLine() + (endInsideLineIndex >= 0 ? 1 : 0);
    if (key.getLine() == line && reader.getIndex() - key.getIndex() <= 1024) {
      return true;
    }
    if (key.isRequired()) {
      throw new ScannerException("while scanning a simple key", key.getMark(),
          "could not find expected ':'", reader.getMark());
    }
    possibleSimpleKeys.remove(level); // (its entry in keyLevelByToken stays, as in go-yaml)
    return false;
  }

  /**
   * Fetch one or more tokens from the WholeInputReader.
   */
  private void fetchMoreTokens() {
    if (reader.getDocumentIndex() > codePointLimit) {
      throw new YamlEngineException("The incoming YAML document exceeds the limit: "
          + codePointLimit + " code points.");
    }
    if (goLineCommentPossible()) {
      // go-yaml looks for a line comment after every token (but '-') that no line break
      // followed: over the blanks after it, up to 512 characters
      reader.cache(reader.blanksAhead(false) + 1);
    }
    // go-yaml's scan mark: where it begins to look for the next token; the BLOCK-END tokens of
    // a dedent are placed there, or at a comment (see GoCommentRecords)
    gapScanMark = reader.getMark();
    // Eat whitespaces and process comments until we reach the next token.
    scanToNextToken();
    // (No sweep of stale simple keys here: go-yaml checks a key only when it looks at it, see
    // needMoreTokens, fetchValue and removePossibleSimpleKey.)
    // Compare the current indentation and column. It may add some tokens
    // and decrease the current indentation level.
    unwindIndent(reader.getColumn(), gapScanMark, true);
    // go-yaml makes sure of four characters (the longest indicator, "--- ") before it looks at
    // a token, so a broken encoding within four characters of a token's start is its error
    reader.lookAhead(4);
    reader.cache(4);
    // Peek the next code point, to decide what the next group of tokens
    // will look like.
    int c = reader.peek();
    switch (c) {
      case 0:
        // Is it the end of stream?
        fetchStreamEnd();
        return;
      case '%':
        // Is it a directive?
        if (checkDirective()) {
          fetchDirective();
          return;
        }
        break;
      case '-':
        // Is it the document start?
        if (checkDocumentStart()) {
          fetchDocumentStart();
          return;
          // Is it the block entry indicator?
        } else if (checkBlockEntry()) {
          fetchBlockEntry();
          return;
        }
        break;
      case '.':
        // Is it the document end?
        if (checkDocumentEnd()) {
          fetchDocumentEnd();
          return;
        }
        break;
      case '[':
        // Is it the flow sequence start indicator?
        fetchFlowSequenceStart();
        return;
      case '{':
        // Is it the flow mapping start indicator?
        fetchFlowMappingStart();
        return;
      case ']':
        // Is it the flow sequence end indicator?
        fetchFlowSequenceEnd();
        return;
      case '}':
        // Is it the flow mapping end indicator?
        fetchFlowMappingEnd();
        return;
      case ',':
        // Is it the flow entry indicator?
        fetchFlowEntry();
        return;
      // see block entry indicator above
      case '?':
        // Is it the key indicator?
        if (checkKey()) {
          fetchKey();
          return;
        }
        break;
      case ':':
        // Is it the value indicator?
        if (checkValue()) {
          fetchValue();
          return;
        }
        break;
      case '*':
        // Is it an alias?
        fetchAlias();
        return;
      case '&':
        // Is it an anchor?
        fetchAnchor();
        return;
      case '!':
        // Is it a tag?
        fetchTag();
        return;
      case '|':
        // Is it a literal scalar?
        if (isBlockContext()) {
          fetchLiteral();
          return;
        }
        break;
      case '>':
        // Is it a folded scalar?
        if (isBlockContext()) {
          fetchFolded();
          return;
        }
        break;
      case '\'':
        // Is it a single quoted scalar?
        fetchSingle();
        return;
      case '"':
        // Is it a double quoted scalar?
        fetchDouble();
        return;
      default:
        // It must be a plain scalar then.
    }
    if (checkPlain()) {
      fetchPlain();
      return;
    }
    // No? It's an error. Let's produce a nice error message. We do this by
    // converting escaped characters into their escape sequences.
    String chRepresentation = CharConstants.escapeChar(String.valueOf(Character.toChars(c)));
    if (c == '\t') {
      chRepresentation += "(TAB)"; // TAB deserves a special clarification
    }
    String text = String.format(
        "found character '%s' that cannot start any token. (Do not use %s for indentation)",
        chRepresentation, chRepresentation);
    throw new ScannerException("while scanning for the next token", Optional.empty(), text,
        reader.getMark());
  }

  // Simple keys treatment.

  /**
   * The next token may start a simple key. We check if it's possible and save its position. This
   * function is called for ALIAS, ANCHOR, TAG, SCALAR(flow), '[', and '{'.
   */
  private void savePossibleSimpleKey() {
    // The next token may start a simple key. We check if it's possible
    // and save its position. This function is called for
    // ALIAS, ANCHOR, TAG, SCALAR(flow), '[', and '{'.

    // Check if a simple key is required at the current position.
    // A simple key is required if this position is the root flowLevel, AND
    // the current indentation level is the same as the last indent-level.
    boolean required = isBlockContext() && (this.indent == this.reader.getColumn());

    // The next token might be a simple key. Let's save its number and position. (go-yaml: where
    // no simple key is allowed, none is saved, even at the indentation column; snakeyaml calls
    // that an error of its own.)
    if (this.allowSimpleKey) {
      removePossibleSimpleKey();
      int tokenNumber = this.tokensTaken + this.tokens.size();
      SimpleKey key = new SimpleKey(tokenNumber, required, reader.getIndex(), reader.getLine(),
          this.reader.getColumn(), this.reader.getMark());
      this.possibleSimpleKeys.put(this.flowLevel, key);
      if (this.flowLevel == 0) {
        this.lastBlockKeyMark = key.getMark();
      }
      this.keyLevelByToken.put(tokenNumber, this.flowLevel);
      this.slotTokenByLevel.put(this.flowLevel, tokenNumber);
    }
  }

  /**
   * Remove the saved possible key position at the current flow level.
   */
  private void removePossibleSimpleKey() {
    SimpleKey key = possibleSimpleKeys.remove(flowLevel);
    if (key != null && key.isRequired()) {
      throw new ScannerException("while scanning a simple key", key.getMark(),
          "could not find expected ':'", reader.getMark());
    }
    if (key != null) {
      keyLevelByToken.remove(key.getTokenNumber());
    }
  }

  // Indentation functions.

  /**
   * * Handle implicitly ending multiple levels of block nodes by decreased indentation. This
   * function becomes important on lines 4 and 7 of this example:
   *
   * <pre>
   * 1) book one:
   * 2)   part one:
   * 3)     chapter one
   * 4)   part two:
   * 5)     chapter one
   * 6)     chapter two
   * 7) book two:
   * </pre>
   * <p>
   * In flow context, tokens should respect indentation. Actually the condition should be
   * `self.indent >= column` according to the spec. But this condition will prohibit intuitively
   * correct constructions such 'as key : { }'
   */
  private void unwindIndent(int col) {
    unwindIndent(col, null, false);
  }

  /**
   * As {@link #unwindIndent(int)}, with the BLOCK-END tokens at {@code at} (null: here), or where
   * go-yaml moves them, to a comment of this gap at the closed collection's column; {@code dedent}:
   * closed by the next token's column (else by a document indicator or the end of the input).
   */
  private void unwindIndent(int col, Optional<Mark> at, boolean dedent) {
    // In the flow context, indentation is ignored. We make the scanner less
    // restrictive than specification requires.
    if (isFlowContext()) {
      return;
    }

    // In block context, we may need to issue the BLOCK-END tokens.
    Optional<Mark> mark = at != null ? at : reader.getMark();
    // (at a dedent go-yaml always looks at this gap's comments; at a document indicator or the end
    // of the input only when the gap's last one reaches the mark, or once one has moved a token)
    boolean look = !gapComments.isEmpty() && this.indent > col && (dedent
        || gapComments.reachedFrom(mark.get().getIndex(), reader.firstBreakCharAfter(gapComments.runEnd())));
    while (this.indent > col) {
      if (look) {
        mark = gapComments.blockEnd(this.indent, mark);
      }
      this.indent = this.indents.pop();
      this.indentLevels--;
      addToken(new BlockEndToken(mark, mark));
    }
  }

  /**
   * Check if we need to increase indentation.
   */
  private boolean addIndent(int column) {
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (++this.indentLevels > maxDepth) {
        throw new ScannerException("while increasing indent level", lastBlockKeyMark,
            "exceeded max depth of " + maxDepth, reader.getMark());
      }
      return true;
    }
    return false;
  }

  // Fetchers - add tokens to the stream (can call scanners)

  /**
   * We always add STREAM-START as the first token and STREAM-END as the last token.
   */
  private void fetchStreamStart() {
    // Read the token.
    Optional<Mark> mark = reader.getMark();

    // Add STREAM-START.
    Token token = new StreamStartToken(mark, mark);
    addToken(token);
  }

  private void fetchStreamEnd() {
    // go-yaml starts a new line first when the last one has no break (its marks only; ours stay)
    Optional<Mark> end = reader.getMark();
    Optional<Mark> goEnd = end;
    if (end.isPresent() && end.get().getColumn() != 0) {
      endInsideLineIndex = end.get().getIndex();
      Mark m = end.get();
      goEnd = Optional.of(new Mark(m.getName(), m.getIndex(), m.getLine() + 1, 0, m.getBuffer(), m.getPointer()));
    }

    goStreamEnd = goEnd;
    // Set the current indentation to -1 (the closing tokens at go-yaml's mark: an empty value
    // that one of them ends, a "? key" without ":", is placed there)
    unwindIndent(-1, goEnd, false);

    // Reset simple keys.
    removePossibleSimpleKey();
    this.allowSimpleKey = false;
    // (the keys of other levels stay, as in go-yaml: its look-ahead may still check one)

    // Read the token.
    Optional<Mark> mark = reader.getMark();

    // Add STREAM-END.
    Token token = new StreamEndToken(mark, mark);
    addToken(token);

    // The stream is finished.
    this.done = true;
  }

  /**
   * Fetch a YAML directive. Directives are presentation details that are interpreted as
   * instructions to the processor. YAML defines two kinds of directives, YAML and TAG; all other
   * types are reserved for future use.
   */
  private void fetchDirective() {
    // Set the current indentation to -1.
    unwindIndent(-1);

    // Reset simple keys.
    removePossibleSimpleKey();
    this.allowSimpleKey = false;

    // Scan and add DIRECTIVE.
    List<Token> tok = scanDirective();
    addAllTokens(tok);
  }

  /**
   * Fetch a document-start token ("---").
   */
  private void fetchDocumentStart() {
    fetchDocumentIndicator(true);
  }

  /**
   * Fetch a document-end token ("...").
   */
  private void fetchDocumentEnd() {
    fetchDocumentIndicator(false);
  }

  /**
   * Fetch a document indicator, either "---" for "document-start", or else "..." for "document-end.
   * The type is chosen by the given boolean.
   */
  private void fetchDocumentIndicator(boolean isDocumentStart) {
    // Set the current indentation to -1.
    unwindIndent(-1);

    // Reset simple keys. Note that there could not be a block collection
    // after '---'.
    removePossibleSimpleKey();
    this.allowSimpleKey = false;

    // Add DOCUMENT-START or DOCUMENT-END.
    Optional<Mark> startMark = reader.getMark();
    reader.forward(3);
    Optional<Mark> endMark = reader.getMark();
    Token token;
    if (isDocumentStart) {
      token = new DocumentStartToken(startMark, endMark);
    } else {
      token = new DocumentEndToken(startMark, endMark);
    }
    addToken(token);
  }

  private void fetchFlowSequenceStart() {
    fetchFlowCollectionStart(false);
  }

  private void fetchFlowMappingStart() {
    fetchFlowCollectionStart(true);
  }

  /**
   * Fetch a flow-style collection start, which is either a sequence or a mapping. The type is
   * determined by the given boolean.
   * <p>
   * A flow-style collection is in a format similar to JSON. Sequences are started by '[' and ended
   * by ']'; mappings are started by '{' and ended by '}'.
   *
   * @param isMappingStart - true for mapping, false for sequence
   */
  private void fetchFlowCollectionStart(boolean isMappingStart) {
    // '[' and '{' may start a simple key.
    savePossibleSimpleKey();

    // Increase the flow level (go-yaml's new slot starts with the number of this very token).
    this.flowLevel++;
    this.slotTokenByLevel.put(this.flowLevel, this.tokensTaken + this.tokens.size());
    if (this.flowLevel > maxDepth) {
      // go-yaml names the new level's key slot as the context: this very '[' or '{'
      throw new ScannerException("while increasing flow level", reader.getMark(),
          "exceeded max depth of " + maxDepth, reader.getMark());
    }

    // Simple keys are allowed after '[' and '{'.
    this.allowSimpleKey = true;

    // Add FLOW-SEQUENCE-START or FLOW-MAPPING-START.
    Optional<Mark> startMark = reader.getMark();
    reader.forward(1);
    Optional<Mark> endMark = reader.getMark();
    Token token;
    if (isMappingStart) {
      token = new FlowMappingStartToken(startMark, endMark);
    } else {
      token = new FlowSequenceStartToken(startMark, endMark);
    }
    addToken(token);
  }

  private void fetchFlowSequenceEnd() {
    fetchFlowCollectionEnd(false);
  }

  private void fetchFlowMappingEnd() {
    fetchFlowCollectionEnd(true);
  }

  /**
   * Fetch a flow-style collection end, which is either a sequence or a mapping. The type is
   * determined by the given boolean.
   * <p>
   * A flow-style collection is in a format similar to JSON. Sequences are started by '[' and ended
   * by ']'; mappings are started by '{' and ended by '}'.
   */
  private void fetchFlowCollectionEnd(boolean isMappingEnd) {
    // Reset possible simple key on the current level.
    removePossibleSimpleKey();

    // Decrease the flow level. A ']' or '}' outside any flow collection leaves the scanner in
    // the block context, as in go-yaml (the parser refuses the token; until then the scanner
    // goes on by the block rules, so a scanner error just after it is the one reported).
    if (this.flowLevel > 0) {
      Integer slotToken = slotTokenByLevel.remove(this.flowLevel);
      if (slotToken != null) {
        keyLevelByToken.remove(slotToken);
      }
      possibleSimpleKeys.remove(this.flowLevel);
      this.flowLevel--;
    }

    // No simple keys after ']' or '}'.
    this.allowSimpleKey = false;

    // Add FLOW-SEQUENCE-END or FLOW-MAPPING-END.
    Optional<Mark> startMark = reader.getMark();
    reader.forward();
    Optional<Mark> endMark = reader.getMark();
    Token token;
    if (isMappingEnd) {
      token = new FlowMappingEndToken(startMark, endMark);
    } else {
      token = new FlowSequenceEndToken(startMark, endMark);
    }
    addToken(token);
  }

  /**
   * Fetch an entry in the flow style. Flow-style entries occur either immediately after the start
   * of a collection, or else after a comma.
   */
  private void fetchFlowEntry() {
    // Simple keys are allowed after ','.
    this.allowSimpleKey = true;

    // Reset possible simple key on the current level.
    removePossibleSimpleKey();

    // Add FLOW-ENTRY.
    Optional<Mark> startMark = reader.getMark();
    reader.forward();
    Optional<Mark> endMark = reader.getMark();
    Token token = new FlowEntryToken(startMark, endMark);
    addToken(token);
  }

  /**
   * Fetch an entry in the block style.
   */
  private void fetchBlockEntry() {
    // Block context needs additional checks.
    if (isBlockContext()) {
      // Are we allowed to start a new entry?
      if (!this.allowSimpleKey) {
        throw new ScannerException("", Optional.empty(), "sequence entries are not allowed here",
            reader.getMark());
      }

      // We may need to add BLOCK-SEQUENCE-START.
      if (addIndent(this.reader.getColumn())) {
        Optional<Mark> mark = reader.getMark();
        addToken(new BlockSequenceStartToken(mark, mark));
      }
    } else {
      // It's an error for the block entry to occur in the flow
      // context, but we let the scanner detect this.
    }
    // Simple keys are allowed after '-'.
    this.allowSimpleKey = true;

    // Reset possible simple key on the current level.
    removePossibleSimpleKey();

    // Add BLOCK-ENTRY.
    Optional<Mark> startMark = reader.getMark();
    reader.forward();
    Optional<Mark> endMark = reader.getMark();
    Token token = new BlockEntryToken(startMark, endMark);
    addToken(token);
  }

  /**
   * Fetch a key in a block-style mapping.
   */
  private void fetchKey() {
    // Block context needs additional checks.
    if (isBlockContext()) {
      // Are we allowed to start a key (not necessary a simple)?
      if (!this.allowSimpleKey) {
        throw new ScannerException("mapping keys are not allowed here", reader.getMark());
      }
      // We may need to add BLOCK-MAPPING-START.
      if (addIndent(this.reader.getColumn())) {
        Optional<Mark> mark = reader.getMark();
        addToken(new BlockMappingStartToken(mark, mark));
      }
    }
    // Simple keys are allowed after '?' in the block context.
    this.allowSimpleKey = isBlockContext();

    // Reset possible simple key on the current level.
    removePossibleSimpleKey();

    // Add KEY.
    Optional<Mark> startMark = reader.getMark();
    reader.forward();
    Optional<Mark> endMark = reader.getMark();
    Token token = new KeyToken(startMark, endMark);
    addToken(token);
  }

  /**
   * Fetch a value in a block-style mapping.
   */
  private void fetchValue() {
    // Do we determine a simple key?
    SimpleKey key = stillPossible(this.flowLevel) ? this.possibleSimpleKeys.remove(this.flowLevel) : null;
    if (key != null) {
      keyLevelByToken.remove(key.getTokenNumber());
      // Add KEY.
      addToken(key.getTokenNumber() - this.tokensTaken, new KeyToken(key.getMark(), key.getMark()));

      // If this key starts a new block mapping, we need to add
      // BLOCK-MAPPING-START.
      if (isBlockContext() && addIndent(key.getColumn())) {
        addToken(key.getTokenNumber() - this.tokensTaken,
            new BlockMappingStartToken(key.getMark(), key.getMark()));
      }
      // There cannot be two simple keys one after another.
      this.allowSimpleKey = false;

    } else {
      // It must be a part of a complex key.
      // Block context needs additional checks. Do we really need them?
      // They will be caught by the scanner anyway.
      if (isBlockContext()) {
        // We are allowed to start a complex value if and only if we can
        // start a simple key.
        if (!this.allowSimpleKey) {
          throw new ScannerException("mapping values are not allowed here", reader.getMark());
        }
      }

      // If this value starts a new block mapping, we need to add
      // BLOCK-MAPPING-START. It will be detected as an error later by
      // the scanner.
      if (isBlockContext() && addIndent(reader.getColumn())) {
        Optional<Mark> mark = reader.getMark();
        addToken(new BlockMappingStartToken(mark, mark));
      }

      // Simple keys are allowed after ':' in the block context. (The level holds no possible
      // key here: stillPossible has dropped it, so there is nothing to remove.)
      allowSimpleKey = isBlockContext();
    }
    // Add VALUE.
    Optional<Mark> startMark = reader.getMark();
    reader.forward();
    Optional<Mark> endMark = reader.getMark();
    Token token = new ValueToken(startMark, endMark);
    addToken(token);
  }

  /**
   * Fetch an alias, which is a reference to an anchor. Aliases take the format:
   *
   * <pre>
   * *(anchor name)
   * </pre>
   */
  private void fetchAlias() {
    // ALIAS could be a simple key.
    savePossibleSimpleKey();

    // No simple keys after ALIAS.
    this.allowSimpleKey = false;

    // Scan and add ALIAS.
    Token tok = scanAnchor(false);
    addToken(tok);
  }

  /**
   * Fetch an anchor. Anchors take the form:
   *
   * <pre>
   * &(anchor name)
   * </pre>
   */
  private void fetchAnchor() {
    // ANCHOR could start a simple key.
    savePossibleSimpleKey();

    // No simple keys after ANCHOR.
    this.allowSimpleKey = false;

    // Scan and add ANCHOR.
    Token tok = scanAnchor(true);
    addToken(tok);
  }

  /**
   * Fetch a tag. Tags take a complex form.
   */
  private void fetchTag() {
    // TAG could start a simple key.
    savePossibleSimpleKey();

    // No simple keys after TAG.
    this.allowSimpleKey = false;

    // Scan and add TAG.
    Token tok = scanTag();
    addToken(tok);
  }

  /**
   * Fetch a literal scalar, denoted with a vertical-bar. This is the type best used for source code
   * and other content, such as binary data, which must be included verbatim.
   */
  private void fetchLiteral() {
    fetchBlockScalar(ScalarStyle.LITERAL);
  }

  /**
   * Fetch a folded scalar, denoted with a greater-than sign. This is the type best used for long
   * content, such as the text of a chapter or description.
   */
  private void fetchFolded() {
    fetchBlockScalar(ScalarStyle.FOLDED);
  }

  /*
   * Fetch a block scalar (literal or folded).
   */
  private void fetchBlockScalar(ScalarStyle style) {
    // A simple key may follow a block scalar.
    this.allowSimpleKey = true;

    // Reset possible simple key on the current level.
    removePossibleSimpleKey();

    // Scan and add SCALAR.
    List<Token> tok = scanBlockScalar(style);
    addAllTokens(tok);
  }

  /**
   * Fetch a single-quoted (') scalar.
   */
  private void fetchSingle() {
    fetchFlowScalar(ScalarStyle.SINGLE_QUOTED);
  }

  /**
   * Fetch a double-quoted (") scalar.
   */
  private void fetchDouble() {
    fetchFlowScalar(ScalarStyle.DOUBLE_QUOTED);
  }

  /*
   * Fetch a flow scalar (single- or double-quoted).
   */
  private void fetchFlowScalar(ScalarStyle style) {
    // A flow scalar could be a simple key.
    savePossibleSimpleKey();

    // No simple keys after flow scalars.
    this.allowSimpleKey = false;

    // Scan and add SCALAR.
    Token tok = scanFlowScalar(style);
    addToken(tok);
  }

  /**
   * Fetch a plain scalar.
   */
  private void fetchPlain() {
    // A plain scalar could be a simple key.
    savePossibleSimpleKey();

    // No simple keys after plain scalars. But note that `scan_plain` will
    // change this flag if the scan is finished at the beginning of the
    // line.
    this.allowSimpleKey = false;

    // Scan and add SCALAR. May change `allow_simple_key`.
    Token tok = scanPlain();
    addToken(tok);
  }

  // Checkers.

  /**
   * Returns true if the next thing on the reader is a directive, given that the leading '%' has
   * already been checked.
   */
  private boolean checkDirective() {
    // DIRECTIVE: ^ '%' ...
    // The '%' indicator is already checked.
    return reader.getColumn() == 0;
  }

  /**
   * Returns true if the next thing on the reader is a document-start ("---"). A document-start is
   * always followed immediately by a new line.
   */
  private boolean checkDocumentStart() {
    // DOCUMENT-START: ^ '---' (' '|'\n')
    if (reader.getColumn() == 0) {
      return "---".equals(reader.prefix(3)) && Chars.NULL_BL_T_LINEBR.has(reader.peek(3));
    }
    return false;
  }

  /**
   * Returns true if the next thing on the reader is a document-end ("..."). A document-end is
   * always followed immediately by a new line.
   */
  private boolean checkDocumentEnd() {
    // DOCUMENT-END: ^ '...' (' '|'\n')
    if (reader.getColumn() == 0) {
      return "...".equals(reader.prefix(3)) && Chars.NULL_BL_T_LINEBR.has(reader.peek(3));
    }
    return false;
  }

  /**
   * Returns true if the next thing on the reader is a block token.
   */
  private boolean checkBlockEntry() {
    // BLOCK-ENTRY: '-' (' '|'\n')
    return Chars.NULL_BL_T_LINEBR.has(reader.peek(1));
  }

  /**
   * Returns true if the next thing on the reader is a key token. This is different in SnakeYAML ->
   * '?' may start a token in the flow context
   */
  private boolean checkKey() {
    // KEY: '?' (' ' or '\n'); go-yaml: any '?' in flow context
    return isFlowContext() || Chars.NULL_BL_T_LINEBR.has(reader.peek(1));
  }

  /**
   * Returns true if the next thing on the reader is a value token.
   */
  private boolean checkValue() {
    // VALUE(flow context): ':'
    if (isFlowContext()) {
      return true;
    } else {
      // VALUE(block context): ':' (' '|'\n')
      return Chars.NULL_BL_T_LINEBR.has(reader.peek(1));
    }
  }

  /**
   * Returns true if the next thing on the reader is a plain token.
   */
  private boolean checkPlain() {
    /*
     * A plain scalar may start with any non-space character except: '-', '?', ':', ',', '[', ']',
     * '{', '}', '#', '&amp;', '*', '!', '|', '&gt;', '\'', '\&quot;', '%', '@', '`'.
     */
    int c = reader.peek();
    // If the next char is NOT one of the forbidden chars above or
    // whitespace, then this is the start of a plain scalar.
    boolean notForbidden = Chars.NULL_BL_T_LINEBR.hasNo(c, "-?:,[]{}#&*!|>'\"%@`");
    if (notForbidden) {
      return true; // plain scalar
    } else {
      if (isBlockContext()) {
        // It may also start with '-', '?', ':' if it is followed by a non-space character
        // in the block context
        return Chars.NULL_BL_T_LINEBR.hasNo(reader.peek(1)) && "-?:".indexOf(c) != -1;
      } else {
        // It may also start with '-', '?' if it is followed by a non-space character
        // except ',' or ']' in the flow context
        // go-yaml: only '-' followed by a non-blank
        return c == '-' && reader.peek(1) != ' ' && reader.peek(1) != '\t';
      }
    }
  }

  // Scanners - create tokens

  /**
   * <pre>
   * We ignore spaces, line breaks and comments.
   * If we find a line break in the block context, we set the flag
   * `allow_simple_key` on.
   * The byte order mark is stripped if it's the first character in the
   * stream. We do not yet support BOM inside the stream as the
   * specification requires. Any such mark will be considered as a part
   * of the document.
   * TODO: We need to make tab handling rules more sane. A good rule is
   *   Tabs cannot precede tokens
   *   BLOCK-SEQUENCE-START, BLOCK-MAPPING-START, BLOCK-END,
   *   KEY(block), VALUE(block), BLOCK-ENTRY
   * So the checking code is
   *   if <TAB>:
   *       self.allow_simple_keys = False
   * We also need to add the check for `allow_simple_keys == True` to
   * `unwind_indent` before issuing BLOCK-END.
   * Scanners for block, flow, and plain scalars need to be modified.
   * </pre>
   */
  private void scanToNextToken() {
    boolean found = false;
    boolean commentInThisGap = false;
    // go-yaml reads a comment on the line of the token before it as that token's line comment,
    // which takes only its own line; a comment met anywhere else starts a run of comment lines
    boolean lineCommentHere = lastToken != null && !LINE_COMMENTLESS.contains(lastToken.getTokenId())
        && lastToken.getEndMark().isPresent() && lastToken.getEndMark().get().getLine() == reader.getLine();
    int inlineStartColumn = -1;
    // (for the read-buffer model: a comment before the first line break of this gap is the one
    // go-yaml's line-comment reader takes, when no line break followed the token and it is not '-')
    boolean goLineComment = goLineCommentPossible();
    gapComments.startGap();
    int gapStart = reader.getIndex();
    boolean firstComment = true;
    while (!found) {
      // go-yaml: its "byte order mark at a line start" test looks at the first bytes of its read
      // buffer, not at the current character (see WholeInputReader's buffer model): true when
      // the scanner stood on a BOM when it last refilled the buffer (the text, after the
      // encoding's BOM, starts with a second one; or one lies at the end of a 512-byte read),
      // and then at every line start until the next refill: one character, whatever it is, is
      // dropped and counted as a column. Its comment reader consumes a run of comment lines
      // (with the blank lines between them) by itself, so the line starts inside such a run
      // lose nothing.
      reader.cache(1);
      if (reader.getColumn() == 0 && reader.bufferStartsWithBom()
          && !(commentInThisGap && nextNonBlankIsComment(0))) {
        int skipped = reader.peek();
        reader.skipCountingColumn();
        if (skipped != ' ' && skipped != '\t' && !Chars.BREAK.has(skipped)) {
          // go-yaml's comment reader would have stopped at this character: the run of comments
          // is over, and a comment on a later line is not read by it (so loses its first character)
          commentInThisGap = false;
          gapComments.endRun();
        }
      }
      Optional<Mark> startMark = reader.getMark();
      int columnBeforeComment = reader.getColumn();
      boolean commentSeen = false;
      int ff = 0;
      // Peek ahead until we find the first non-space character, then
      // move forward directly to that character.
      // go-yaml: tabs separate tokens too, except where a simple key (or a block
      // collection) could start: at the start of a line, after '-', '?' or a complex ':'
      // go-yaml also passes over tabs before the next line of a run of comment lines, which its
      // comment reader consumes by itself, and before a line comment of the previous token
      // ("? \t# c"), which it reads with that token (asked once per run of blanks: the answer is
      // the same from anywhere in it, and asking at every tab would be quadratic)
      int tabsBeforeComment = 0; // 0: not asked yet, 1: yes, -1: no
      while (true) {
        int c = reader.peek(ff);
        if (c == '\t' && !(flowLevel > 0 || !allowSimpleKey)) {
          if (tabsBeforeComment == 0) {
            tabsBeforeComment = commentInThisGap && nextNonBlankIsComment(ff)
                || reader.getIndex() == gapStart && goLineCommentAhead(ff) ? 1 : -1;
          }
          if (tabsBeforeComment < 0) {
            break;
          }
        } else if (c != ' ' && c != '\t') {
          break;
        }
        ff++;
      }
      if (ff > 0) {
        reader.forward(ff);
      }
      reader.cache(1);
      // If the character we have skipped forward to is a comment (#),
      // then peek ahead until we find the next end of line. YAML
      // comments are from a # to the next new-line. We then forward
      // past the comment.
      if (reader.peek() == '#') {
        commentSeen = true;
        commentInThisGap |= !lineCommentHere;
        CommentType type;
        if (columnBeforeComment != 0
            && !(lastToken != null && lastToken.getTokenId() == Token.ID.BlockEntry)) {
          type = CommentType.IN_LINE;
          inlineStartColumn = reader.getColumn();
        } else if (inlineStartColumn == reader.getColumn()) {
          type = CommentType.IN_LINE;
        } else {
          inlineStartColumn = -1;
          type = CommentType.BLOCK;
        }
        boolean lineComment = goLineComment;
        // go-yaml's comment records, for the BLOCK-END tokens that may follow (block context only;
        // the first comment is the previous token's line comment when no line break came since)
        boolean goTakesAsLineComment = false;
        if (isBlockContext()) {
          int newlines = reader.breaksBehind(2);
          goTakesAsLineComment = firstComment && goLineCommentMayFollow()
              && reader.getIndex() - gapStart < GoCommentRecords.LOOK_LIMIT;
          if (!goTakesAsLineComment) {
            int breaks = gapComments.inRun() ? reader.breakCharsSince(gapComments.runEnd()) : 0;
            gapComments.comment(reader.getLine(), reader.getColumn(), reader.getIndex(), newlines, breaks,
                gapScanMark.isPresent() && gapScanMark.get().getLine() > 0,
                lastToken != null && lastToken.getTokenId() == Token.ID.Value, indent);
          }
        }
        firstComment = false;
        CommentToken token = scanComment(type);
        if (goTakesAsLineComment) {
          gapScanMark = reader.getMark(); // go-yaml reads it with the token before: its gap starts after it
        } else {
          gapComments.commentEnd(reader.getIndex());
        }
        if (parseComments) {
          addToken(token);
        }
        if (!lineComment && reader.buffered()) {
          // go-yaml's reader of a run of comments looks from the end of each comment over the
          // blanks and line breaks after it, up to 512 characters, for the next one
          reader.cache(reader.blanksAhead(true) + 1);
        }
      }
      // If we scanned a line break, then (depending on flow level),
      // simple keys may be allowed.
      boolean unicodeBreak = Chars.isUnicodeBreak(reader.peek());
      Optional<String> breaksOpt = scanLineBreak();
      if (breaksOpt.isPresent() && unicodeBreak && commentInThisGap) {
        // go-yaml's comment reader looks at the bytes after a comment one by one and takes the
        // second byte of a NEL, LS or PS for content: its run of comments ends there
        commentInThisGap = false;
        gapComments.endRun();
      }
      if (breaksOpt.isPresent()) { // found a line-break
        lineCommentHere = false;
        goLineComment = false;
        if (parseComments && !commentSeen) {
          if (columnBeforeComment == 0) {
            addToken(new CommentToken(CommentType.BLANK_LINE, breaksOpt.get(), startMark,
                reader.getMark()));
          }
        }
        if (isBlockContext()) {
          // Simple keys are allowed at flow-level 0 after a line break
          this.allowSimpleKey = true;
        }
      } else {
        found = true;
      }
    }
  }

  /**
   * Whether go-yaml would look for a line comment here (read-buffer model only): after a token
   * other than '-' (and the stream start) that no line break has followed yet.
   */
  private boolean goLineCommentPossible() {
    return reader.buffered() && reader.newlines() == 0 && lastToken != null
        && lastToken.getTokenId() != Token.ID.BlockEntry && lastToken.getTokenId() != Token.ID.StreamStart;
  }

  /**
   * Whether go-yaml looks for a line comment of the previous token here: after a token other
   * than '-' and the stream and document markers, when no line break has come since its last
   * character that is not a blank.
   */
  private boolean goLineCommentMayFollow() {
    return lastToken != null && !LINE_COMMENTLESS.contains(lastToken.getTokenId()) && reader.breaksBehind(1) == 0;
  }

  /**
   * Whether go-yaml reads a line comment of the previous token from here, the start of the gap
   * after it: a token other than '-' (and the stream and document markers) that no line break
   * has followed, and a '#' after only spaces and tabs within its 512-character look.
   */
  private boolean goLineCommentAhead(int ahead) {
    if (!goLineCommentMayFollow()) {
      return false;
    }
    for (int i = ahead; i < GoCommentRecords.LOOK_LIMIT; i++) {
      int c = reader.peek(i);
      if (c == '#') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return false;
  }

  /** Whether the first character from {@code ahead} on that is not a space, tab or line break is a {@code #}. */
  private boolean nextNonBlankIsComment(int ahead) {
    int i = ahead;
    int c;
    while ((c = reader.peek(i)) == ' ' || c == '\t' || c == '\r' || Chars.LINEBR.has(c)) {
      i++;
    }
    return c == '#';
  }

  private CommentToken scanComment(CommentType type) {
    // See the specification for details.
    Optional<Mark> startMark = reader.getMark();
    reader.forward();
    int length = 0;
    while (Chars.NULL_OR_LINEBR.hasNo(reader.peek(length))) {
      length++;
    }
    String value = reader.prefixForward(length);
    Optional<Mark> endMark = reader.getMark();
    return new CommentToken(type, value, startMark, endMark);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Token> scanDirective() {
    // See the specification for details.
    Optional<Mark> startMark = reader.getMark();
    Optional<Mark> endMark;
    reader.forward();
    String name = scanDirectiveName(startMark);
    Optional<List<?>> value;
    if (DirectiveToken.YAML_DIRECTIVE.equals(name)) {
      value = Optional.of(scanYamlDirectiveValue(startMark));
      endMark = reader.getMark();
    } else if (DirectiveToken.TAG_DIRECTIVE.equals(name)) {
      value = Optional.of(scanTagDirectiveValue(startMark));
      endMark = reader.getMark();
    } else {
      // go-yaml: a directive other than %YAML and %TAG is an error, not ignored
      throw new ScannerException("while scanning a directive", startMark,
          "found unknown directive name", reader.getMark());
    }
    CommentToken commentToken = scanDirectiveIgnoredLine(startMark);
    DirectiveToken token = new DirectiveToken(name, value, startMark, endMark);
    return makeTokenList(token, commentToken);
  }

  /**
   * Scan a directive name. Directive names are a series of non-space characters.
   */
  private String scanDirectiveName(Optional<Mark> startMark) {
    // See the specification for details.
    int length = 0;
    // A Directive-name is a sequence of alphanumeric characters
    // (a-z,A-Z,0-9). We scan until we find something that isn't.
    // This disagrees with the specification.
    int c = reader.peek(length);
    while (Chars.ALPHA.has(c)) {
      length++;
      c = reader.peek(length);
    }
    // If the name would be empty, an error occurs.
    if (length == 0) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(DIRECTIVE_PREFIX, startMark,
          EXPECTED_ALPHA_ERROR_PREFIX + s + "(" + c + ")", reader.getMark());
    }
    String value = reader.prefixForward(length);
    c = reader.peek();
    if (Chars.NULL_BL_T_LINEBR.hasNo(c)) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(DIRECTIVE_PREFIX, startMark,
          EXPECTED_ALPHA_ERROR_PREFIX + s + "(" + c + ")", reader.getMark());
    }
    return value;
  }

  private List<Integer> scanYamlDirectiveValue(Optional<Mark> startMark) {
    // See the specification for details.
    while (reader.peek() == ' ' || reader.peek() == '\t') { // go-yaml: blanks include tabs
      reader.forward();
    }
    Integer major = scanYamlDirectiveNumber(startMark);
    int c = reader.peek();
    if (c != '.') {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(DIRECTIVE_PREFIX, startMark,
          "expected a digit or '.', but found " + s + "(" + c + ")", reader.getMark());
    }
    reader.forward();
    // go-yaml reads no separator after the minor number: "%YAML 1.1# note" is a comment
    Integer minor = scanYamlDirectiveNumber(startMark);
    List<Integer> result = new ArrayList<>(2);
    result.add(major);
    result.add(minor);
    return result;
  }

  /** go-yaml's digits are ASCII only (Java's isDigit also takes other scripts' digits). */
  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Read a %YAML directive number: this is either the major or the minor part. Stop reading at a
   * non-digit character (usually either '.' or '\n').
   */
  private Integer scanYamlDirectiveNumber(Optional<Mark> startMark) {
    // See the specification for details.
    int c = reader.peek();
    if (!isAsciiDigit(c)) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(DIRECTIVE_PREFIX, startMark,
          "expected a digit, but found " + s + "(" + (c) + ")", reader.getMark());
    }
    int length = 0;
    while (isAsciiDigit(reader.peek(length))) {
      length++;
    }
    String number = reader.prefixForward(length);
    if (length > 2) { // go-yaml's longest version number
      throw new ScannerException("while scanning a YAML directive", startMark,
          "found a number which cannot represent a valid version: " + number, reader.getMark());
    }
    Integer value = Integer.parseInt(number);
    return value;
  }

  /**
   * <p>
   * Read a %TAG directive value:
   * <p>
   *
   * <pre>
   * s-ignored-space+ c-tag-handle s-ignored-space+ ns-tag-prefix s-l-comments
   * </pre>
   * <p>
   * </p>
   */
  private List<String> scanTagDirectiveValue(Optional<Mark> startMark) {
    // See the specification for details.
    while (reader.peek() == ' ' || reader.peek() == '\t') { // go-yaml: blanks include tabs
      reader.forward();
    }
    String handle = scanTagDirectiveHandle(startMark);
    while (reader.peek() == ' ' || reader.peek() == '\t') { // go-yaml: blanks include tabs
      reader.forward();
    }
    String prefix = scanTagDirectivePrefix(startMark);
    List<String> result = new ArrayList<>(2);
    result.add(handle);
    result.add(prefix);
    return result;
  }

  /**
   * Scan a %TAG directive's handle. This is YAML's c-tag-handle.
   *
   * @param startMark - start
   * @return the directive value
   */
  private String scanTagDirectiveHandle(Optional<Mark> startMark) {
    // See the specification for details.
    String value = scanTagHandle("directive", startMark);
    int c = reader.peek();
    if (c != ' ' && c != '\t') { // go-yaml: a blank, tabs included
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(DIRECTIVE_PREFIX, startMark,
          "expected ' ', but found " + s + "(" + c + ")", reader.getMark());
    }
    return value;
  }

  /**
   * Scan a %TAG directive's prefix. This is YAML's ns-tag-prefix.
   */
  private String scanTagDirectivePrefix(Optional<Mark> startMark) {
    // See the specification for details.
    String value = scanTagUri("directive", Chars.URI_CHARS_FOR_TAG_PREFIX, startMark);
    int c = reader.peek();
    if (c != '\t' && Chars.NULL_BL_LINEBR.hasNo(c)) { // go-yaml: blank (tabs included), break or end
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(DIRECTIVE_PREFIX, startMark,
          "expected ' ', but found " + s + "(" + c + ")", reader.getMark());
    }
    return value;
  }

  private CommentToken scanDirectiveIgnoredLine(Optional<Mark> startMark) {
    // See the specification for details.
    while (reader.peek() == ' ' || reader.peek() == '\t') { // go-yaml: blanks include tabs
      reader.forward();
    }
    CommentToken commentToken = null;
    if (reader.peek() == '#') {
      CommentToken comment = scanComment(CommentType.IN_LINE);
      if (parseComments) {
        commentToken = comment;
      }
    }
    int c = reader.peek();
    if (!scanLineBreak().isPresent() && c != 0) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(DIRECTIVE_PREFIX, startMark,
          "expected a comment or a line break, but found " + s + "(" + c + ")", reader.getMark());
    }
    return commentToken;
  }

  /**
   * <pre>
   * The YAML 1.2 specification does not restrict characters for anchors and
   * aliases. This may lead to problems.
   * See <a href=
   * "https://github.com/yaml/libyaml/issues/205#issuecomment-693634465">alias naming</a>
   * </pre>
   *
   * <pre>
   * See also <a href=
   * "https://bitbucket.org/snakeyaml/snakeyaml/issues/485/alias-names-are-too-permissive-compared-to">issue 485</a>
   * </pre>
   */
  private Token scanAnchor(boolean isAnchor) {
    Optional<Mark> startMark = reader.getMark();
    int indicator = reader.peek();
    String name = indicator == '*' ? "alias" : "anchor";
    reader.forward();
    int length = 0;
    int c = reader.peek(length);
    // go-yaml: anchor and alias names are letters, digits, '_' and '-' only
    while (Chars.ALPHA.has(c)) {
      length++;
      c = reader.peek(length);
    }
    if (length == 0) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException("while scanning an " + name, startMark,
          "unexpected character found " + s + "(" + c + ")", reader.getMark());
    }
    String value = reader.prefixForward(length);
    c = reader.peek();
    if (Chars.NULL_BL_T_LINEBR.hasNo(c, "?:,]}%@`")) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException("while scanning an " + name, startMark,
          "unexpected character found " + s + "(" + c + ")", reader.getMark());
    }
    Optional<Mark> endMark = reader.getMark();
    Token tok;
    if (isAnchor) {
      tok = new AnchorToken(new Anchor(value), startMark, endMark);
    } else {
      tok = new AliasToken(new Anchor(value), startMark, endMark);
    }
    return tok;
  }

  /**
   * Scan a Tag property. A Tag property may be specified in one of three ways: c-verbatim-tag,
   * c-ns-shorthand-tag, or c-ns-non-specific-tag
   * <p>
   * c-verbatim-tag takes the form !<ns-uri-char+> and must be delivered verbatim (as-is) to the
   * application. In particular, verbatim tags are not subject to tag resolution.
   * <p>
   * c-ns-shorthand-tag is a valid tag handle followed by a non-empty suffix. If the tag handle is a
   * c-primary-tag-handle ('!') then the suffix must have all exclamation marks properly URI-escaped
   * (%21); otherwise, the string will look like a named tag handle: !foo!bar would be interpreted
   * as (handle="!foo!", suffix="bar").
   * <p>
   * c-ns-non-specific-tag is always a lone '!'; this is only useful for plain scalars, where its
   * specification means that the scalar MUST be resolved to have type tag:yaml.org,2002:str.
   * <p>
   * TODO Note that this method does not enforce rules about local versus global tags!
   */
  private Token scanTag() {
    reader.cache(2);
    // See the specification for details.
    Optional<Mark> startMark = reader.getMark();
    // Determine the type of tag property based on the first character
    // encountered
    int c = reader.peek(1);
    String handle = null;
    String suffix = null;
    // Verbatim tag! (c-verbatim-tag)
    if (c == '<') {
      // Skip the exclamation mark and &gt;, then read the tag suffix (as
      // a URI).
      reader.forward(2);
      suffix = scanTagUri("tag", Chars.URI_CHARS_FOR_TAG_PREFIX, startMark);
      c = reader.peek();
      if (c != '>') {
        // If there are any characters between the end of the tag-suffix
        // URI and the closing &gt;, then an error has occurred.
        final String s = String.valueOf(Character.toChars(c));
        throw new ScannerException("while scanning a tag", startMark,
            "expected '>', but found '" + s + "' (" + c + ")", reader.getMark());
      }
      reader.forward();
    } else if (Chars.NULL_BL_T_LINEBR.has(c)) {
      // A NUL, blank, tab, or line-break means that this was a
      // c-ns-non-specific tag.
      suffix = "!";
      reader.forward();
    } else {
      // Any other character implies c-ns-shorthand-tag type.

      // Look ahead in the stream to determine whether this tag property
      // is of the form !foo or !foo!bar. go-yaml: a handle is '!', word characters and '!';
      // anything else after the first '!' is the suffix ("!&!float" is the tag "!&!float")
      int length = 1;
      while (Chars.ALPHA.has(c)) {
        length++;
        c = reader.peek(length);
      }
      boolean useHandle = c == '!';
      // If we need to use a handle, scan it in; otherwise, the handle is
      // presumed to be '!'.
      if (useHandle) {
        handle = scanTagHandle("tag", startMark);
      } else {
        handle = "!";
        reader.forward();
      }
      // go-yaml: a suffix may hold ',', '[' and ']' too, also in flow context ("[!!str, a]" is
      // one item, "a" with the tag "!!str,")
      suffix = scanTagUri("tag", Chars.URI_CHARS_FOR_TAG_PREFIX, startMark);
    }
    c = reader.peek();
    // Check that the next character is allowed to follow a tag-property, if it is not, raise the
    // error. go-yaml: a tab may follow too
    if (Chars.NULL_BL_T_LINEBR.hasNo(c)) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException("while scanning a tag", startMark,
          "expected ' ', but found '" + s + "' (" + (c) + ")", reader.getMark());
    }
    TagTuple value = new TagTuple(Optional.ofNullable(handle), suffix);
    Optional<Mark> endMark = reader.getMark();
    return new TagToken(value, startMark, endMark);
  }

  /*
   * Scan literal and folded scalar
   *
   * @param style - either literal or folded style
   */
  private List<Token> scanBlockScalar(ScalarStyle style) {
    // See the specification for details.
    StringBuilder stringBuilder = new StringBuilder();
    Optional<Mark> startMark = reader.getMark();
    blockScalarStart = startMark;
    // Scan the header.
    reader.forward();
    Chomping chomping = scanBlockScalarIndicators(startMark);
    CommentToken commentToken = scanBlockScalarIgnoredLine(startMark);

    // Determine the indentation level and go to the first non-empty line.
    int minIndent = this.indent + 1;
    if (minIndent < 1) {
      minIndent = 1;
    }
    String breaks;
    int maxIndent;
    int blockIndent;
    Optional<Mark> endMark;
    if (chomping.increment.isPresent()) {
      // increment is explicit
      blockIndent = minIndent + chomping.increment.get() - 1;
      BreakIntentHolder brme = scanBlockScalarBreaks(blockIndent);
      breaks = brme.breaks;
      endMark = brme.endMark;
    } else {
      // increment (block indent) must be detected in the first non-empty line.
      BreakIntentHolder brme = scanBlockScalarIndentation();
      breaks = brme.breaks;
      maxIndent = brme.maxIndent;
      endMark = brme.endMark;
      blockIndent = Math.max(minIndent, maxIndent);
    }

    Optional<String> lineBreakOpt = Optional.empty();
    // Scan the inner part of the block scalar.
    // go-yaml: no YAML 1.2 check that leading blank lines are not indented more than the first
    // content line; a line indented less than the block simply ends it
    while (this.reader.getColumn() == blockIndent && reader.peek() != 0) {
      stringBuilder.append(breaks);
      boolean leadingNonSpace = " \t".indexOf(reader.peek()) == -1;
      int length = 0;
      while (Chars.NULL_OR_LINEBR.hasNo(reader.peek(length))) {
        length++;
      }
      stringBuilder.append(reader.prefixForward(length));
      lineBreakOpt = scanLineBreak();
      BreakIntentHolder brme = scanBlockScalarBreaks(blockIndent);
      breaks = brme.breaks;
      endMark = brme.endMark;
      if (this.reader.getColumn() == blockIndent && reader.peek() != 0) {

        // Unfortunately, folding rules are ambiguous.
        //
        // This is the folding according to the specification:
        if (style == ScalarStyle.FOLDED && "\n".equals(lineBreakOpt.orElse("")) && leadingNonSpace
            && " \t".indexOf(reader.peek()) == -1) {
          if (breaks.isEmpty()) {
            stringBuilder.append(' ');
          }
        } else {
          stringBuilder.append(lineBreakOpt.orElse(""));
        }
      } else {
        break;
      }
    }
    // Chomp the tail.
    if (chomping.value == Indicator.CLIP || chomping.value == Indicator.KEEP) {
      // add the final line break (if exists !) TODO find out if to add anyway
      stringBuilder.append(lineBreakOpt.orElse(""));
    }
    if (chomping.value == Indicator.KEEP) {
      // any trailing empty lines are considered to be part of the scalar’s content
      stringBuilder.append(breaks);
    }
    // We are done.
    ScalarToken scalarToken =
        new ScalarToken(stringBuilder.toString(), false, style, startMark, endMark);
    return makeTokenList(commentToken, scalarToken);
  }

  /**
   * Scan a block scalar indicator. The block scalar indicator includes two optional components,
   * which may appear in either order.
   * <p>
   * A block indentation indicator is a non-zero digit describing the indentation level of the block
   * scalar to follow. This indentation is an additional number of spaces relative to the current
   * indentation level.
   * <p>
   * A block chomping indicator is a + or -, selecting the chomping mode away from the default
   * (clip) to either -(strip) or +(keep).
   */
  private Chomping scanBlockScalarIndicators(Optional<Mark> startMark) {
    // See the specification for details.
    int indicator = Integer.MIN_VALUE;
    Optional<Integer> increment = Optional.empty();
    int c = reader.peek();
    if (c == '-' || c == '+') {
      indicator = c;
      reader.forward();
      c = reader.peek();
      if (isAsciiDigit(c)) {
        int incr = Integer.parseInt(String.valueOf(Character.toChars(c)));
        if (incr == 0) {
          throw new ScannerException(SCANNING_SCALAR, startMark,
              "expected indentation indicator in the range 1-9, but found 0", reader.getMark());
        }
        increment = Optional.of(incr);
        reader.forward();
      }
    } else if (isAsciiDigit(c)) {
      int incr = Integer.parseInt(String.valueOf(Character.toChars(c)));
      if (incr == 0) {
        throw new ScannerException(SCANNING_SCALAR, startMark,
            "expected indentation indicator in the range 1-9, but found 0", reader.getMark());
      }
      increment = Optional.of(incr);
      reader.forward();
      c = reader.peek();
      if (c == '-' || c == '+') {
        indicator = c;
        reader.forward();
      }
    }
    c = reader.peek();
    if (Chars.NULL_BL_T_LINEBR.hasNo(c, "#")) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(SCANNING_SCALAR, startMark,
          "expected chomping or indentation indicators, but found " + s + "(" + c + ")",
          reader.getMark());
    }
    return new Chomping(indicator, increment);
  }

  /**
   * Scan to the end of the line after a block scalar has been scanned; the only things that are
   * permitted at this time are comments and spaces.
   */
  private CommentToken scanBlockScalarIgnoredLine(Optional<Mark> startMark) {
    // See the specification for details.

    // Forward past any number of trailing spaces
    while (reader.peek() == ' ' || reader.peek() == '\t') { // go-yaml: blanks include tabs
      reader.forward();
    }

    // If a comment occurs, scan to just before the end of line.
    CommentToken commentToken = null;
    if (reader.peek() == '#') {
      commentToken = scanComment(CommentType.IN_LINE);
    }
    // If the next character is not a null or line break, an error has
    // occurred.
    int c = reader.peek();
    if (!scanLineBreak().isPresent() && c != 0) {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(SCANNING_SCALAR, startMark,
          "expected a comment or a line break, but found " + s + "(" + c + ")", reader.getMark());
    }
    return commentToken;
  }

  /**
   * Scans for the indentation of a block scalar implicitly. This mechanism is used only if the
   * block did not explicitly state an indentation to be used.
   */
  private BreakIntentHolder scanBlockScalarIndentation() {
    // See the specification for details.
    StringBuilder chunks = new StringBuilder();
    int maxIndent = 0;
    Optional<Mark> endMark = reader.getMark();
    // Look ahead some number of lines until the first non-blank character
    // occurs; the determined indentation will be the maximum number of
    // leading spaces on any of these lines.
    while (Chars.LINEBR.has(reader.peek(), " \r")) {
      if (reader.peek() != ' ') {
        // If the character isn't a space, it must be some kind of
        // line-break; scan the line break and track it.
        chunks.append(scanLineBreak().orElse(""));
        endMark = reader.getMark();
      } else {
        // If the character is a space, move forward to the next
        // character; if we surpass our previous maximum for indent
        // level, update that too.
        reader.forward();
        if (this.reader.getColumn() > maxIndent) {
          maxIndent = reader.getColumn();
        }
      }
    }
    refuseTabIndentation();
    // Pass several results back together (Java 8 does not have records)
    return new BreakIntentHolder(chunks.toString(), maxIndent, endMark);
  }

  /** Where the block scalar being scanned starts: go-yaml's context for its tab error. */
  private Optional<Mark> blockScalarStart = Optional.empty();

  /** go-yaml: a tab where a block scalar's indentation is still being read is an error. */
  private void refuseTabIndentation() {
    if (reader.peek() == '\t') {
      throw new ScannerException("while scanning a block scalar", blockScalarStart,
          "found a tab character where an indentation space is expected", reader.getMark());
    }
  }

  private BreakIntentHolder scanBlockScalarBreaks(int indent) {
    // See the specification for details.
    StringBuilder chunks = new StringBuilder();
    Optional<Mark> endMark = reader.getMark();
    int col = this.reader.getColumn();
    // Scan for up to the expected indentation-level of spaces, then move
    // forward past that amount.
    while (col < indent && reader.peek() == ' ') {
      reader.forward();
      col++;
    }
    if (col < indent) {
      refuseTabIndentation();
    }

    // Consume one or more line breaks followed by any amount of spaces,
    // until we find something that isn't a line-break.
    Optional<String> lineBreakOpt;
    while ((lineBreakOpt = scanLineBreak()).isPresent()) {
      chunks.append(lineBreakOpt.get());
      endMark = reader.getMark();
      // Scan past up to (indent) spaces on the next line, then forward
      // past them.
      col = this.reader.getColumn();
      while (col < indent && reader.peek() == ' ') {
        reader.forward();
        col++;
      }
      if (col < indent) {
        refuseTabIndentation();
      }
    }
    // Return both the assembled intervening string and the end-mark.
    return new BreakIntentHolder(chunks.toString(), -1, endMark);
  }

  /**
   * Scan a flow-style scalar. Flow scalars are presented in one of two forms; first, a flow scalar
   * may be a double-quoted string; second, a flow scalar may be a single-quoted string.
   *
   * <pre>
   * See the specification for details.
   * Note that we loose indentation rules for quoted scalars. Quoted
   * scalars don't need to adhere indentation because &quot; and ' clearly
   * mark the beginning and the end of them. Therefore we are less
   * restrictive then the specification requires. We only need to check
   * that document separators are not included in scalars.
   * </pre>
   */
  private Token scanFlowScalar(final ScalarStyle style) {
    // The style will be either single- or double-quoted; we determine this
    // by the first character in the entry (supplied)
    final boolean doubleValue = style == ScalarStyle.DOUBLE_QUOTED;
    StringBuilder chunks = new StringBuilder();
    Optional<Mark> startMark = reader.getMark();
    int quote = reader.peek();
    reader.forward();
    scanFlowScalarNonSpaces(doubleValue, startMark, chunks);
    while (reader.peek() != quote) {
      scanFlowScalarSpaces(startMark, chunks);
      scanFlowScalarNonSpaces(doubleValue, startMark, chunks);
    }
    reader.forward();
    Optional<Mark> endMark = reader.getMark();
    return new ScalarToken(chunks.toString(), false, style, startMark, endMark);
  }

  /**
   * Scan some number of flow-scalar non-space characters.
   */
  private void scanFlowScalarNonSpaces(boolean doubleQuoted, Optional<Mark> startMark,
      StringBuilder chunks) {
    // See the specification for details.
    reader.cache(4); // (go-yaml's look for a document indicator, at the start of each piece)
    while (true) {
      // Scan through any number of characters which are not: NUL, blank,
      // tabs, line breaks, single-quotes, double-quotes, or backslashes.
      int length = 0;
      while (Chars.NULL_BL_T_LINEBR.hasNo(reader.peek(length), "'\"\\")) {
        length++;
      }
      if (length != 0) {
        reader.cacheRun(1, length, 2); // go-yaml: two characters after each one it reads
        chunks.append(reader.prefixForward(length));
      }
      // Depending on our quoting-type, the characters ', " and \ have
      // differing meanings.
      int c = reader.peek();
      if (!doubleQuoted && c == '\'' && reader.peek(1) == '\'') {
        chunks.append('\'');
        reader.forward(2);
        reader.cache(2);
      } else if ((doubleQuoted && c == '\'') || (!doubleQuoted && "\"\\".indexOf(c) != -1)) {
        chunks.appendCodePoint(c);
        reader.forward();
        reader.cache(2);
      } else if (doubleQuoted && c == '\\') {
        if (Chars.BREAK.has(reader.peek(1))) {
          reader.cache(3); // (go-yaml, for an escaped CR LF)
        }
        reader.forward();
        c = reader.peek();
        String replacement = Chars.escape(c);
        int codeLength = Chars.escapeCodeLength(c);
        if (replacement != null) {
          // go-yaml's escapes: YAML 1.1's set (with \L, \P, \' and \<TAB>, without \/)
          chunks.append(replacement);
          reader.forward();
          reader.cache(2);
        } else if (codeLength > 0) {
          length = codeLength;
          reader.forward();
          reader.cache(length);
          String hex = reader.prefix(length);
          if (hex.length() < length || hasNonHexDigit(hex)) {
            throw new ScannerException("while parsing a quoted scalar", startMark,
                "did not find expected hexdecimal number", reader.getMark());
          }
          long value = Long.parseLong(hex, 16);
          if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
            // go-yaml: surrogates and values beyond Unicode are refused, not replaced
            throw new ScannerException("while parsing a quoted scalar", startMark,
                "found invalid Unicode character escape code", reader.getMark());
          }
          chunks.appendCodePoint((int) value);
          reader.forward(length);
          reader.cache(2);
        } else if (scanLineBreak().isPresent()) {
          chunks.append(scanFlowScalarBreaks(startMark));
          reader.cache(4); // (go-yaml starts a new piece after the blanks)
        } else {
          final String s = String.valueOf(Character.toChars(c));
          throw new ScannerException("while scanning a double-quoted scalar", startMark,
              "found unknown escape character " + s + "(" + c + ")", reader.getMark());
        }
      } else {
        return;
      }
    }
  }

  private void scanFlowScalarSpaces(Optional<Mark> startMark, StringBuilder chunks) {
    // See the specification for details.
    int length = 0;
    // Scan through any number of whitespace (space, tab) characters,
    // consuming them.
    while (" \t".indexOf(reader.peek(length)) != -1) {
      length++;
    }
    String whitespaces = reader.prefixForward(length);
    int c = reader.peek();
    if (c == 0) {
      // A flow scalar cannot end with an end-of-stream
      throw new ScannerException("while scanning a quoted scalar", startMark,
          "found unexpected end of stream", reader.getMark());
    }
    // If we encounter a line break, scan it into our assembled string...
    Optional<String> lineBreakOpt = scanLineBreak();
    if (lineBreakOpt.isPresent()) {
      String breaks = scanFlowScalarBreaks(startMark);
      if (!"\n".equals(lineBreakOpt.get())) {
        chunks.append(lineBreakOpt.get());
      } else if (breaks.isEmpty()) {
        chunks.append(' ');
      }
      chunks.append(breaks);
    } else {
      chunks.append(whitespaces);
    }
  }

  private String scanFlowScalarBreaks(Optional<Mark> startMark) {
    // See the specification for details.
    StringBuilder chunks = new StringBuilder();
    while (true) {
      // Instead of checking indentation, we check for document
      // separators.
      String prefix = reader.prefix(3);
      if (("---".equals(prefix) || "...".equals(prefix))
          && Chars.NULL_BL_T_LINEBR.has(reader.peek(3))) {
        throw new ScannerException("while scanning a quoted scalar", startMark,
            "found unexpected document separator", reader.getMark());
      }
      // Scan past any number of spaces and tabs, ignoring them
      while (" \t".indexOf(reader.peek()) != -1) {
        reader.forward();
      }
      // If we stopped at a line break, add that; otherwise, return the
      // assembled set of scalar breaks.
      Optional<String> lineBreakOpt = scanLineBreak();
      if (lineBreakOpt.isPresent()) {
        chunks.append(lineBreakOpt.get());
      } else {
        return chunks.toString();
      }
    }
  }

  /**
   * Scan a plain scalar.
   * <p>
   * See the specification for details. We add an additional restriction for the flow context: plain
   * scalars in the flow context cannot contain ',', ':' and '?'. We also keep track of the
   * `allow_simple_key` flag here. Indentation rules are loosed for the flow context.
   */
  private Token scanPlain() {
    StringBuilder chunks = new StringBuilder();
    Optional<Mark> startMark = reader.getMark();
    Optional<Mark> endMark = startMark;
    int plainIndent = this.indent + 1;
    String spaces = "";
    while (true) {
      int c;
      int length = 0;
      reader.cache(4); // (go-yaml's look for a document indicator)
      // A comment indicates the end of the scalar.
      if (reader.peek() == '#') {
        break;
      }
      while (true) {
        c = reader.peek(length);
        // go-yaml: ':' ends a plain scalar only before a blank, also in flow context,
        // where ',', '?', '[', ']', '{' and '}' end it too
        if (Chars.NULL_BL_T_LINEBR.has(c) || (c == ':' && Chars.NULL_BL_T_LINEBR
            .has(reader.peek(length + 1)))
            || (isFlowContext() && ",?[]{}".indexOf(c) != -1)) {
          break;
        }
        length++;
      }
      if (length == 0) {
        break;
      }
      this.allowSimpleKey = false;
      chunks.append(spaces);
      reader.cacheRun(1, length, 2); // go-yaml: two characters after each one it reads
      chunks.append(reader.prefixForward(length));
      endMark = reader.getMark();
      int before = reader.getIndex();
      spaces = scanPlainSpaces(startMark, plainIndent);
      boolean dedent = isBlockContext() && this.reader.getColumn() < plainIndent;
      if (reader.getIndex() != before && !dedent) {
        reader.cache(4); // go-yaml goes round once more after blanks unless the indentation ends it
      }
      if (spaces.isEmpty() || reader.peek() == '#' || dedent) {
        break;
      }
    }
    return new ScalarToken(chunks.toString(), true, startMark, endMark);
  }

  // Helper for scanPlainSpaces method when comments are enabled.
  // The ensures that blank lines and comments following a multi-line plain token are not swallowed
  // up
  private boolean atEndOfPlain() {
    // peak ahead to find end of whitespaces and the column at which it occurs
    int wsLength = 0;
    int wsColumn = this.reader.getColumn();
    {
      int c;
      while ((c = reader.peek(wsLength)) != 0 && Chars.NULL_BL_T_LINEBR.has(c)) {
        wsLength++;
        if (!Chars.LINEBR.has(c) && (c != '\r' || reader.peek(wsLength + 1) != '\n')
            && c != 0xFEFF) {
          wsColumn++;
        } else {
          wsColumn = 0;
        }
      }
    }

    // if we see, a comment or end of string or change decrease in indent, we are done
    // Do not chomp end of lines and blanks, they will be handled by the main loop.
    if (reader.peek(wsLength) == '#' || reader.peek(wsLength + 1) == 0
        || isBlockContext() && wsColumn < this.indent) {
      return true;
    }

    // if we see, after the space, a key-value followed by a ':', we are done
    // Do not chomp end of lines and blanks, they will be handled by the main loop.
    if (isBlockContext()) {
      int c;
      for (int extra = 1; (c = reader.peek(wsLength + extra)) != 0
          && !Chars.NULL_BL_T_LINEBR.has(c); extra++) {
        if (c == ':' && Chars.NULL_BL_T_LINEBR.has(reader.peek(wsLength + extra + 1))) {
          return true;
        }
      }
    }

    // None of the above so safe to chomp the spaces.
    return false;
  }

  /**
   * The blanks and line breaks after a piece of a plain scalar. Tabs are allowed inside the
   * scalar; on a continuation line (and on the blank lines before it), go-yaml also takes tabs
   * as leading blanks, but refuses one left of the scalar's indentation ({@code plainIndent}).
   */
  private String scanPlainSpaces(Optional<Mark> startMark, int plainIndent) {
    int length = 0;
    while (reader.peek(length) == ' ' || reader.peek(length) == '\t') {
      length++;
    }
    String whitespaces = reader.prefixForward(length);
    Optional<String> lineBreakOpt = scanLineBreak();
    if (lineBreakOpt.isPresent()) {
      this.allowSimpleKey = true;
      // a document indicator ends the scalar only when a blank or a break follows it (go-yaml;
      // snakeyaml ended it at any "---")
      if (checkDocumentStart() || checkDocumentEnd()) {
        return "";
      }
      if (parseComments && atEndOfPlain()) {
        return "";
      }
      StringBuilder breaks = new StringBuilder();
      while (true) {
        int blank = reader.peek();
        if (blank == ' ' || blank == '\t') {
          if (blank == '\t' && reader.getColumn() < plainIndent) {
            throw new ScannerException("while scanning a plain scalar", startMark,
                "found a tab character that violates indentation", reader.getMark());
          }
          reader.forward();
        } else {
          Optional<String> lbOpt = scanLineBreak();
          if (lbOpt.isPresent()) {
            breaks.append(lbOpt.get());
            if (checkDocumentStart() || checkDocumentEnd()) {
              return "";
            }
          } else {
            break;
          }
        }
      }
      if (!"\n".equals(lineBreakOpt.orElse(""))) {
        return lineBreakOpt.orElse("") + breaks;
      } else if (breaks.length() == 0) {
        return " ";
      }
      return breaks.toString();
    }
    return whitespaces;
  }

  /**
   * <p>
   * Scan a Tag handle. A Tag handle takes one of three forms:
   * <p>
   *
   * <pre>
   * "!" (c-primary-tag-handle)
   * "!!" (ns-secondary-tag-handle)
   * "!(name)!" (c-named-tag-handle)
   * </pre>
   * <p>
   * Where (name) must be formatted as an ns-word-char.
   * </p>
   *
   *
   * <pre>
   * See the specification for details.
   * For some strange reasons, the specification does not allow '_' in
   * tag handles. I have allowed it anyway.
   * </pre>
   */
  private String scanTagHandle(String name, Optional<Mark> startMark) {
    int c = reader.peek();
    if (c != '!') {
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(SCANNING_PREFIX + name, startMark,
          "expected '!', but found " + s + "(" + (c) + ")", reader.getMark());
    }
    // Look for the next '!' in the stream, stopping if we hit a
    // non-word-character. If the first character is a space, then the
    // tag-handle is a c-primary-tag-handle ('!').
    int length = 1;
    c = reader.peek(length);
    if (c != ' ') {
      // Scan through 0+ alphabetic characters.
      // According to the specification, these should be
      // ns-word-char only, which prohibits '_'. This might be a
      // candidate for a configuration option.
      while (Chars.ALPHA.has(c)) {
        length++;
        c = reader.peek(length);
      }
      // Found the next non-word-char. If this is not a space and not an
      // '!', then this is an error, as the tag-handle was specified as:
      // !(name) or similar; the trailing '!' is missing.
      if (c != '!') {
        reader.forward(length);
        final String s = String.valueOf(Character.toChars(c));
        throw new ScannerException(SCANNING_PREFIX + name, startMark,
            "expected '!', but found " + s + "(" + (c) + ")", reader.getMark());
      }
      length++;
    }
    return reader.prefixForward(length);
  }

  /**
   * Scan a Tag URI. This scanning is valid for both local and global tag directives, because both
   * appear to be valid URIs as far as scanning is concerned. The difference may be distinguished
   * later, in parsing. This method will scan for ns-uri-char*, which covers both cases.
   * <p>
   * This method performs no verification that the scanned URI conforms to any particular kind of
   * URI specification.
   */
  private String scanTagUri(String name, Chars range, Optional<Mark> startMark) {
    // See the specification for details.
    // Note: we do not check if URI is well-formed.
    StringBuilder chunks = new StringBuilder();
    // Scan through accepted URI characters, which includes the standard
    // URI characters, plus the start-escape character ('%'). When we get
    // to a start-escape, scan the escaped sequence, then return.
    int length = 0;
    int c = reader.peek(length);
    while (range.has(c)) {
      if (c == '%') {
        chunks.append(reader.prefixForward(length));
        length = 0;
        chunks.append(scanUriEscapes(name, startMark));
      } else {
        length++;
      }
      c = reader.peek(length);
    }
    // Consume the last "chunk", which would not otherwise be consumed by
    // the loop above.
    if (length != 0) {
      chunks.append(reader.prefixForward(length));
    }
    if (chunks.length() == 0) {
      // If no URI was found, an error has occurred.
      final String s = String.valueOf(Character.toChars(c));
      throw new ScannerException(SCANNING_PREFIX + name, startMark,
          "expected URI, but found " + s + "(" + (c) + ")", reader.getMark());
    }
    return chunks.toString();
  }

  /**
   * <p>
   * Scan a sequence of %-escaped URI escape codes and convert them into a String representing the
   * unescaped values.
   * </p>
   * <p>
   * This method fails for more than 256 bytes' worth of URI-encoded characters in a row. Is this
   * possible? Is this a use-case?
   */
  private String scanUriEscapes(String name, Optional<Mark> startMark) {
    // First, look ahead to see how many URI-escaped characters we should
    // expect, so we can use the correct buffer size.
    int length = 1;
    while (reader.peek(length * 3) == '%') {
      length++;
    }
    // See the specification for details.
    // URIs containing 16 and 32 bit Unicode characters are
    // encoded in UTF-8, and then each octet is written as a
    // separate character.
    Optional<Mark> beginningMark = reader.getMark();
    ByteBuffer buff = ByteBuffer.allocate(length);
    while (reader.peek() == '%') {
      reader.forward();
      // exactly two hex digits, as go-yaml checks them (parseInt alone took "%2" at the end of the
      // input, or a sign, "%+1")
      int d1 = Character.digit(reader.peek(), 16);
      int d2 = Character.digit(reader.peek(1), 16);
      if (d1 >= 0 && d2 >= 0 && reader.peek() < 128 && reader.peek(1) < 128) {
        buff.put((byte) (d1 << 4 | d2));
      } else {
        int c1 = reader.peek();
        final String s1 = String.valueOf(Character.toChars(c1));
        int c2 = reader.peek(1);
        final String s2 = String.valueOf(Character.toChars(c2));
        throw new ScannerException(SCANNING_PREFIX + name, startMark,
            "expected URI escape sequence of 2 hexadecimal numbers, but found " + s1 + "(" + c1
                + ") and " + s2 + "(" + c2 + ")",
            reader.getMark());
      }
      reader.forward(2);
    }
    buff.flip();
    try {
      return UriEncoder.decode(buff);
    } catch (CharacterCodingException e) {
      throw new ScannerException(SCANNING_PREFIX + name, startMark,
          "expected URI in UTF-8: " + e.getMessage(), beginningMark);
    }
  }

  /**
   * Scan a line break, transforming:
   *
   * <pre>
   * '\r\n'   : '\n'
   * '\r'     : '\n'
   * '\n'     : '\n'
   * '\x85'   : '\n'
   * default : ''
   * </pre>
   *
   * @return transformed character or empty string if no line break detected
   */
  private Optional<String> scanLineBreak() {
    int c = reader.peek();
    if (c == '\r' || c == '\n' || c == '\u0085') {
      if (c == '\r' && '\n' == reader.peek(1)) {
        reader.forward(2);
      } else {
        reader.forward();
      }
      return Optional.of("\n");
    }
    if (c == 0x2028 || c == 0x2029) {
      // go-yaml: LS and PS end a line too, and stay themselves in the value
      reader.forward();
      return Optional.of(String.valueOf((char) c));
    }
    return Optional.empty();
  }

  /**
   * Ignore Comment token if they are null, or Comments should not be parsed
   *
   * @param tokens - token types
   * @return tokens to be used
   */
  private List<Token> makeTokenList(Token... tokens) {
    List<Token> tokenList = new ArrayList<>();
    for (int ix = 0; ix < tokens.length; ix++) {
      if (tokens[ix] == null) {
        continue;
      }
      if (!parseComments && (tokens[ix] instanceof CommentToken)) {
        continue;
      }
      tokenList.add(tokens[ix]);
    }
    return tokenList;
  }

  /**
   * go-yaml's mark of the end of the stream (on a new line when the last one has no line break;
   * the end token itself keeps the real place), once the end has been reached.
   */
  public Optional<Mark> goStreamEndMark() {
    return goStreamEnd != null ? goStreamEnd : reader.getMark();
  }

  /**
   * The 0-based line that Butane's YAML library gives {@code mark}: its own line, or the next one
   * for a mark at the end of an input whose last line has no break, once the scanner has reached
   * that end (the closing tokens, and an error found while making them, are on the forced new line).
   */
  public int goYamlLine(Mark mark) {
    if (endInsideLineIndex >= 0 && mark.getIndex() == endInsideLineIndex && mark.getColumn() != 0) {
      return mark.getLine() + 1;
    }
    return mark.getLine();
  }

  @Override
  public void resetDocumentIndex() {
    this.reader.resetDocumentIndex();
  }

  static class Chomping {

    // immutable values do not have getters
    private final Indicator value;
    private final Optional<Integer> increment;

    public Chomping(Indicator value, Optional<Integer> increment) {
      this.value = value;
      this.increment = increment;
    }

    public Chomping(int indicatorCodePoint, Optional<Integer> increment) {
      this(parse(indicatorCodePoint), increment);
    }

    private static Indicator parse(int codePoint) {
      if (codePoint == '+') {
        return Indicator.KEEP;
      } else if (codePoint == '-') {
        return Indicator.STRIP;
      } else if (codePoint == Integer.MIN_VALUE) {
        return Indicator.CLIP;
      } else {
        throw new IllegalArgumentException("Unexpected block chomping indicator: " + codePoint);
      }
    }

    enum Indicator {
      STRIP, CLIP, KEEP
    }
  }

  static class BreakIntentHolder {

    private final String breaks;
    private final int maxIndent;
    private final Optional<Mark> endMark;

    public BreakIntentHolder(String breaks, int maxIndent, Optional<Mark> endMark) {
      this.breaks = breaks;
      this.maxIndent = maxIndent;
      this.endMark = endMark;
    }
  }
}
