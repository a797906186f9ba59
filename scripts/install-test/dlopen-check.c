/* Loads a .node the way Node's process.dlopen does (RTLD_NOW: every symbol bound at load), then
 * looks up the napi-rs module entry. Used to load a cross-built binary under qemu-user where no
 * Node for that CPU exists. The napi_* functions Node would provide come from napi-stubs.h, which
 * install-test.sh generates from the binary's undefined symbols; none of them is called. */
#include <dlfcn.h>
#include <stdio.h>

#include "napi-stubs.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE.node\n", argv[0]);
    return 2;
  }
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "dlopen failed: %s\n", dlerror());
    return 1;
  }
  if (!dlsym(lib, "napi_register_module_v1")) {
    fprintf(stderr, "no napi_register_module_v1: %s\n", dlerror());
    return 1;
  }
  printf("loaded, napi_register_module_v1 found\n");
  return 0;
}
