/* The write floor: writes the files a studyguide build wrote (same paths, same sizes, in the
 * same folders) and nothing else, so the benchmark can tell the kernel's cost of creating and
 * filling that many bytes (which on a virtual machine grows with the volume written) from the
 * generator's own work.
 *
 *   write_floor MANIFEST OUT     MANIFEST: lines "<size>\t<relative path>", folders before files
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: write_floor MANIFEST OUT\n");
        return 2;
    }
    FILE *manifest = fopen(argv[1], "r");
    if (!manifest) { perror(argv[1]); return 1; }
    size_t capacity = 1 << 20;
    char *bytes = malloc(capacity);
    if (!bytes) { perror("write_floor"); return 1; }
    memset(bytes, 'x', capacity);
    char line[8192], path[8192];
    while (fgets(line, sizeof line, manifest)) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = 0;
        long size = atol(line);
        char *name = tab + 1;
        name[strcspn(name, "\n")] = 0;
        snprintf(path, sizeof path, "%s/%s", argv[2], name);
        if (size < 0) {  /* a folder */
            if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); return 1; }
            continue;
        }
        if ((size_t)size > capacity) {
            capacity = (size_t)size;
            bytes = realloc(bytes, capacity);
            if (!bytes) { perror("write_floor"); return 1; }
            memset(bytes, 'x', capacity);
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror(path); return 1; }
        for (long written = 0; written < size;) {
            ssize_t n = write(fd, bytes + written, (size_t)(size - written));
            if (n <= 0) { perror(path); return 1; }
            written += n;
        }
        close(fd);
    }
    return 0;
}
