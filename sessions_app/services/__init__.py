"""Everything in the tables area that writes or decides, one module per sub-domain.

Import from the module (`from sessions_app.services.registration import approve_registration`): this
package re-exports nothing.
"""
