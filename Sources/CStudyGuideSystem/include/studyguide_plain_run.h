#ifndef STUDYGUIDE_PLAIN_RUN_H
#define STUDYGUIDE_PLAIN_RUN_H

// The escapers (and the Anki export's fields) copy text through untouched up to the next byte
// they must rewrite; finding that byte sixteen at a time, with vector compares, rather than one
// at a time through a table, is most of their speed. Clang's vector extensions compile to SSE2
// on x86-64 and NEON on arm64. Inline, so each call site's set is a constant and a run of a few
// dozen bytes costs no call.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// The bytes an escaper must rewrite: `studyguide_markup` is `&<>"'`; `studyguide_script_file`
/// is the controls, DEL, `"`, `\` and 0xE2 (the first byte of U+2028 and U+2029);
/// `studyguide_script` is those and `<>&`; `studyguide_field_breaks` is tab, LF and CR, which
/// end a field of a tab-separated file.
enum studyguide_byte_set { studyguide_markup, studyguide_script, studyguide_script_file, studyguide_field_breaks };

typedef uint8_t studyguide_byte_vector __attribute__((vector_size(16)));

// Each set as one vector test (0xFF where a byte is in the set) and one byte test, both inlined
// with `set` constant, so each loop below is compiled once per set.
static inline studyguide_byte_vector studyguide_special_bytes(studyguide_byte_vector bytes, enum studyguide_byte_set set) {
    switch (set) {
    case studyguide_markup:
        return (studyguide_byte_vector)((bytes == '&') | (bytes == '<') | (bytes == '>') | (bytes == '"') | (bytes == '\''));
    case studyguide_script:
        return (studyguide_byte_vector)((bytes == '&') | (bytes == '<') | (bytes == '>'))
            | studyguide_special_bytes(bytes, studyguide_script_file);
    case studyguide_script_file:
        return (studyguide_byte_vector)((bytes < 0x20) | (bytes == 0x7F) | (bytes == 0xE2) | (bytes == '"') | (bytes == '\\'));
    case studyguide_field_breaks:
        return (studyguide_byte_vector)((bytes == '\t') | (bytes == '\n') | (bytes == '\r'));
    }
    return (studyguide_byte_vector){0};
}

static inline int studyguide_is_special(uint8_t byte, enum studyguide_byte_set set) {
    switch (set) {
    case studyguide_markup:
        return byte == '&' || byte == '<' || byte == '>' || byte == '"' || byte == '\'';
    case studyguide_script:
        return byte == '&' || byte == '<' || byte == '>' || studyguide_is_special(byte, studyguide_script_file);
    case studyguide_script_file:
        return byte < 0x20 || byte == 0x7F || byte == 0xE2 || byte == '"' || byte == '\\';
    case studyguide_field_breaks:
        return byte == '\t' || byte == '\n' || byte == '\r';
    }
    return 0;
}

// The index of the first 0xFF byte of `mask`, or 16 when there is none (little-endian lanes).
#if defined(__SSE2__)
#include <emmintrin.h>
static inline size_t studyguide_first_marked(studyguide_byte_vector mask) {
    unsigned bits = (unsigned)_mm_movemask_epi8((__m128i)mask);
    return bits ? (size_t)__builtin_ctz(bits) : 16;
}
#else
static inline size_t studyguide_first_marked(studyguide_byte_vector mask) {
    uint64_t low, high;
    memcpy(&low, &mask, 8);
    memcpy(&high, (const uint8_t *)&mask + 8, 8);
    if (low) return (size_t)__builtin_ctzll(low) >> 3;
    if (high) return 8 + ((size_t)__builtin_ctzll(high) >> 3);
    return 16;
}
#endif

// 0x00 × 16 then 0xFF × 16: the 16 bytes at `studyguide_ramp + n` keep only the last n lanes of a vector.
static const uint8_t studyguide_ramp[32] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

static inline size_t studyguide_plain_run_in(const uint8_t *bytes, size_t length, enum studyguide_byte_set set) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (length >= 16) {
        size_t index = 0;
        studyguide_byte_vector block;
        for (; index + 16 <= length; index += 16) {
            memcpy(&block, bytes + index, 16);
            size_t found = studyguide_first_marked(studyguide_special_bytes(block, set));
            if (found < 16) return index + found;
        }
        if (index == length) return length;
        // The last few bytes, as the 16 that end the text with those already seen masked off.
        size_t rest = length - index;
        studyguide_byte_vector keep;
        memcpy(&block, bytes + length - 16, 16);
        memcpy(&keep, studyguide_ramp + rest, 16);
        size_t found = studyguide_first_marked(studyguide_special_bytes(block, set) & keep);
        return found < 16 ? length - 16 + found : length;
    }
    if (length >= 8) {
        // The first eight bytes and the last eight, which overlap them, as one vector: the first
        // marked lane of the second half is past the first eight bytes when they are all plain.
        studyguide_byte_vector block;
        memcpy(&block, bytes, 8);
        memcpy((uint8_t *)&block + 8, bytes + length - 8, 8);
        size_t found = studyguide_first_marked(studyguide_special_bytes(block, set));
        return found < 8 ? found : found < 16 ? length - 16 + found : length;
    }
#endif
    for (size_t index = 0; index < length; index++) {
        if (studyguide_is_special(bytes[index], set)) return index;
    }
    return length;
}

/// How many bytes at the start of `bytes` are outside `set`: `length` when none is in it.
static inline size_t studyguide_plain_run(const uint8_t *bytes, size_t length, enum studyguide_byte_set set) {
    switch (set) {
    case studyguide_markup: return studyguide_plain_run_in(bytes, length, studyguide_markup);
    case studyguide_script: return studyguide_plain_run_in(bytes, length, studyguide_script);
    case studyguide_script_file: return studyguide_plain_run_in(bytes, length, studyguide_script_file);
    case studyguide_field_breaks: return studyguide_plain_run_in(bytes, length, studyguide_field_breaks);
    }
    return 0;
}

#endif
