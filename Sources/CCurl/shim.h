#ifndef NATTER_CCURL_SHIM_H
#define NATTER_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic; Swift can only call typed wrappers. */
static inline CURLcode natter_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode natter_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode natter_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode natter_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode natter_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*natter_curl_data_callback)(char *, size_t, size_t, void *);
static inline CURLcode natter_curl_setopt_write_function(CURL *h, natter_curl_data_callback f) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode natter_curl_setopt_header_function(CURL *h, natter_curl_data_callback f) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
static inline CURLcode natter_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode natter_curl_getinfo_socket(CURL *h, CURLINFO i, curl_socket_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode natter_curl_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }

/* Bit-mask macros with casts are not imported by Swift. */
static inline long natter_curl_global_all(void) { return CURL_GLOBAL_ALL; }
static inline long natter_curlauth_basic(void) { return (long)CURLAUTH_BASIC; }
static inline long natter_curlauth_ntlm(void) { return (long)CURLAUTH_NTLM; }
#endif
