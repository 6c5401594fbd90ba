// The visible nodes of a tree as one flat list, for the highlighter's pattern matching: what a
// TSTreeCursor walk yields node by node (symbol with aliases applied, named or not, field in the
// visible parent, byte range, depth), read from the subtrees directly in one pass. It uses the
// runtime's internal headers, so it follows the version fetched into vendor/.
#if __has_include("vendor/src/tree.h")
#include "vendor/src/tree.h"
#include "vendor/src/subtree.h"
#include "vendor/src/language.h"
#include "include/tree_sitter_runtime.h"
#include <stdlib.h>

// One hidden or visible node whose children are being listed.
typedef struct {
    Subtree node;
    uint32_t child_index;
    uint32_t structural_index;
    // Where the next child starts (after its padding), in bytes.
    uint32_t position;
    // The visible depth of its children.
    uint32_t depth;
    // The field a child gets when its own parent names none: the field of this node, when it is
    // hidden, in its parent (what ts_tree_cursor_current_field_id finds walking up).
    TSFieldId up_field;
} Frame;

static TSFieldId field_of(const TSLanguage *language, Subtree parent, uint32_t structural_index) {
    const TSFieldMapEntry *map, *end;
    ts_language_field_map(language, parent.ptr->production_id, &map, &end);
    for (; map < end; map++) {
        if (!map->inherited && map->child_index == structural_index) return map->field_id;
    }
    return 0;
}

size_t studyguide_visible_nodes(const TSTree *tree, StudyGuideNode *out, size_t capacity) {
    const TSLanguage *language = tree->language;
    Subtree root = tree->root;
    size_t count = 0;
    uint32_t root_start = ts_subtree_padding(root).bytes;
    if (count < capacity) {
        out[count] = (StudyGuideNode) {
            .start_byte = root_start,
            .end_byte = root_start + ts_subtree_size(root).bytes,
            .symbol = ts_language_public_symbol(language, ts_subtree_symbol(root)),
            .field = 0,
            .named = ts_subtree_named(root),
            .depth = 0,
        };
    }
    count++;
    if (ts_subtree_child_count(root) == 0) return count;

    size_t frame_capacity = 64, frame_count = 0;
    Frame *frames = malloc(frame_capacity * sizeof(Frame));
    if (!frames) return 0;
    frames[frame_count++] = (Frame) {.node = root, .position = root_start, .depth = 1, .up_field = 0};

    while (frame_count > 0) {
        Frame *frame = &frames[frame_count - 1];
        Subtree parent = frame->node;
        if (frame->child_index == parent.ptr->child_count) {
            frame_count--;
            continue;
        }
        Subtree child = ts_subtree_children(parent)[frame->child_index];
        uint32_t start = frame->position;
        uint32_t structural_index = frame->structural_index;
        bool extra = ts_subtree_extra(child);
        TSSymbol alias = 0;
        if (!extra) {
            alias = ts_language_alias_at(language, parent.ptr->production_id, structural_index);
            frame->structural_index++;
        }
        frame->child_index++;
        frame->position = start + ts_subtree_size(child).bytes;
        if (frame->child_index < parent.ptr->child_count) {
            frame->position += ts_subtree_padding(ts_subtree_children(parent)[frame->child_index]).bytes;
        }

        bool visible = ts_subtree_visible(child) || alias != 0;
        TSFieldId field = 0;
        if (!extra) {
            field = field_of(language, parent, structural_index);
            if (!field) field = frame->up_field;
        }
        uint32_t depth = frame->depth;
        if (visible) {
            if (count < capacity) {
                TSSymbol symbol = alias ? alias : ts_subtree_symbol(child);
                out[count] = (StudyGuideNode) {
                    .start_byte = start,
                    .end_byte = start + ts_subtree_size(child).bytes,
                    .symbol = ts_language_public_symbol(language, symbol),
                    .field = field,
                    .named = alias ? ts_language_symbol_metadata(language, alias).named : ts_subtree_named(child),
                    .depth = depth,
                };
            }
            count++;
        }
        if (ts_subtree_child_count(child) == 0 || (!visible && ts_subtree_visible_child_count(child) == 0)) continue;
        if (frame_count == frame_capacity) {
            frame_capacity *= 2;
            Frame *grown = realloc(frames, frame_capacity * sizeof(Frame));
            if (!grown) {
                free(frames);
                return 0;
            }
            frames = grown;
        }
        // A hidden node's children sit at its depth and inherit its field; an extra one passes none.
        frames[frame_count++] = (Frame) {
            .node = child,
            .position = start,
            .depth = visible ? depth + 1 : depth,
            .up_field = visible || extra ? 0 : field,
        };
    }
    free(frames);
    return count;
}
#endif
