#ifndef NATTER_CLIBXML2_SHIM_H
#define NATTER_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer that Swift imports awkwardly. */
static inline void natter_xml_free(void *p) { xmlFree(p); }
#endif
