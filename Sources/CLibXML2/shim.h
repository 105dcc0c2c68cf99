#ifndef V360AUDIT_CLIBXML2_SHIM_H
#define V360AUDIT_CLIBXML2_SHIM_H

/* The few libxml2 functions the tests use to validate JUnit reports against the XSDs, declared
 * here as in libxml2's public headers (parser.h, tree.h, xmlschemas.h; stable since 2.6).
 *
 * Why not #include <libxml/xmlschemas.h>: Debian builds libxml2 with ICU, so every libxml2
 * header pulls in the system's <unicode/*.h>, whose UErrorCode clashes with the ICU module that
 * Foundation ships ("... is not present in definition of 'enum UErrorCode'"). The clash depends
 * on module build order, so it breaks clean builds only. Opaque declarations avoid ICU entirely. */

typedef struct _xmlSchemaParserCtxt *xmlSchemaParserCtxtPtr;
typedef struct _xmlSchema *xmlSchemaPtr;
typedef struct _xmlSchemaValidCtxt *xmlSchemaValidCtxtPtr;
typedef struct _xmlDoc *xmlDocPtr;

/* xmlParserOption XML_PARSE_NONET: never fetch anything over the network. */
#define V360_XML_PARSE_NONET 2048

void xmlInitParser(void);
xmlSchemaParserCtxtPtr xmlSchemaNewParserCtxt(const char *URL);
xmlSchemaPtr xmlSchemaParse(xmlSchemaParserCtxtPtr ctxt);
void xmlSchemaFreeParserCtxt(xmlSchemaParserCtxtPtr ctxt);
void xmlSchemaFree(xmlSchemaPtr schema);
xmlSchemaValidCtxtPtr xmlSchemaNewValidCtxt(xmlSchemaPtr schema);
void xmlSchemaFreeValidCtxt(xmlSchemaValidCtxtPtr ctxt);
int xmlSchemaValidateDoc(xmlSchemaValidCtxtPtr ctxt, xmlDocPtr doc);
xmlDocPtr xmlReadMemory(const char *buffer, int size, const char *URL, const char *encoding, int options);
void xmlFreeDoc(xmlDocPtr cur);

#endif
